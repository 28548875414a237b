#pragma once
// A small JSON reader for tests of the JSON facade: parses the whole text
// into a tree, or fails the test.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace calc::testing_support {

struct Json {
  enum class Type { Null, Bool, Number, String, Array, Object } type = Type::Null;
  bool boolean = false;
  double number = std::nan("");
  std::string string;
  std::vector<Json> array;
  std::map<std::string, Json> object;

  const Json& operator[](const std::string& key) const {
    static const Json missing;
    auto it = object.find(key);
    return it == object.end() ? missing : it->second;
  }
  const Json& operator[](std::size_t i) const { return array.at(i); }
  bool has(const std::string& key) const { return object.count(key) > 0; }
  std::size_t size() const { return type == Type::Array ? array.size() : object.size(); }
};

class JsonParser {
 public:
  explicit JsonParser(std::string_view s) : s_(s) {}
  bool parse(Json& out) {
    if (!value(out)) return false;
    skip();
    return i_ == s_.size();
  }

 private:
  void skip() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }
  bool value(Json& out) {
    skip();
    if (i_ >= s_.size()) return false;
    const char c = s_[i_];
    if (c == 'n') return out.type = Json::Type::Null, literal("null");
    if (c == 't') return out.type = Json::Type::Bool, out.boolean = true, literal("true");
    if (c == 'f') return out.type = Json::Type::Bool, literal("false");
    if (c == '"') return out.type = Json::Type::String, str(out.string);
    if (c == '[') {
      out.type = Json::Type::Array;
      ++i_;
      skip();
      if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
      for (;;) {
        out.array.emplace_back();
        if (!value(out.array.back())) return false;
        skip();
        if (i_ < s_.size() && s_[i_] == ',') { ++i_; continue; }
        return i_ < s_.size() && s_[i_++] == ']';
      }
    }
    if (c == '{') {
      out.type = Json::Type::Object;
      ++i_;
      skip();
      if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
      for (;;) {
        skip();
        std::string key;
        if (!str(key)) return false;
        skip();
        if (i_ >= s_.size() || s_[i_++] != ':') return false;
        if (!value(out.object[key])) return false;
        skip();
        if (i_ < s_.size() && s_[i_] == ',') { ++i_; continue; }
        return i_ < s_.size() && s_[i_++] == '}';
      }
    }
    out.type = Json::Type::Number;
    const std::string rest(s_.substr(i_, 40));
    char* end = nullptr;
    out.number = std::strtod(rest.c_str(), &end);
    if (end == rest.c_str()) return false;
    i_ += static_cast<std::size_t>(end - rest.c_str());
    return true;
  }
  bool str(std::string& out) {
    if (i_ >= s_.size() || s_[i_] != '"') return false;
    for (++i_; i_ < s_.size(); ++i_) {
      if (s_[i_] == '"') return ++i_, true;
      if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
        const char e = s_[++i_];
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e;  // \uXXXX is not needed by these tests
      } else {
        out += s_[i_];
      }
    }
    return false;
  }
  std::string_view s_;
  std::size_t i_ = 0;
};

inline Json parse_json(std::string_view text) {
  Json out;
  EXPECT_TRUE(JsonParser(text).parse(out)) << "not JSON: " << text.substr(0, 300);
  return out;
}

}  // namespace calc::testing_support
