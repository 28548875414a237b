#include "exercise/tree_json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>
#include <vector>

#include "api/json_reader.h"
#include "expr/decimal.h"
#include "util/stable_order.h"

namespace calc::exercise {

namespace {

using toml::Value;

// Recursion bounded by kMaxTreeNesting: the writer refuses a deeper tree
// rather than write JSON the reader would refuse.
bool write(std::string& out, const Value& v, int depth, std::optional<toml::Error>& error) {
  switch (v.type) {
    case Value::Type::String: json::append_string(out, v.string); return true;
    case Value::Type::Integer: out += std::to_string(v.integer); return true;
    case Value::Type::Boolean: out += v.boolean ? "true" : "false"; return true;
    case Value::Type::Float: {
      if (!std::isfinite(v.floating)) {
        error = toml::Error{v.line, "a float that is not finite (inf or nan) has no JSON form"};
        return false;
      }
      const std::size_t start = out.size();
      json::append_number(out, v.floating);
      // The shortest text of 2.0 is "2": the '.' marks it a float.
      if (out.find_first_of(".eE", start) == std::string::npos) out += ".0";
      return true;
    }
    case Value::Type::Array:
    case Value::Type::Table: break;
  }
  if (depth == kMaxTreeNesting) {
    error = toml::Error{v.line, "tables and arrays nest deeper than " + std::to_string(kMaxTreeNesting) + " levels"};
    return false;
  }
  const bool table = v.is_table();
  const std::vector<Value>& items = table ? v.values : v.items;
  out.push_back(table ? '{' : '[');
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.push_back(',');
    if (table) {
      json::append_string(out, v.keys[i]);
      out.push_back(':');
    }
    if (!write(out, items[i], depth + 1, error)) return false;
  }
  out.push_back(table ? '}' : ']');
  return true;
}

// Recursive descent over json::JsonReader's tokens, one level of recursion
// per level of nesting, which max_nesting bounds. The first failure is kept
// with the character it happened at.
class TreeReader {
 public:
  TreeReader(std::string_view text, int max_nesting) : s_(text), r_(text), max_nesting_(max_nesting) {}

  json::ApiResult<Value> document() {
    Value v;
    if (!value(v, 0) || !r_.at_end()) return error();
    return v;
  }

 private:
  bool value(Value& v, int depth) {
    if (++values_ > kMaxTreeValues) {
      return fail(r_.position(), "more than " + std::to_string(kMaxTreeValues) + " values",
                  "超过 " + std::to_string(kMaxTreeValues) + " 个值");
    }
    const char c = r_.peek();
    if (c == '{' || c == '[') {
      if (depth == max_nesting_) {
        return fail(r_.position(), "nests deeper than " + std::to_string(max_nesting_) + " levels",
                    "嵌套超过 " + std::to_string(max_nesting_) + " 层");
      }
      return c == '{' ? object(v, depth + 1) : array(v, depth + 1);
    }
    if (c == '"') {
      std::optional<std::string> s = r_.string();
      if (!s) return false;
      v.type = Value::Type::String;
      v.string = std::move(*s);
      return true;
    }
    if (word("true") || word("false")) {
      v.type = Value::Type::Boolean;
      v.boolean = c == 't';
      return true;
    }
    return number(v);
  }

  bool word(std::string_view w) {
    if (s_.substr(r_.position(), w.size()) != w) return false;
    r_.skip(w.size());
    return true;
  }

  // JSON's grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?; without
  // a fraction and an exponent, an integer.
  bool number(Value& v) {
    const std::size_t start = r_.position();
    std::size_t i = start;
    const auto digits = [&] {
      const std::size_t from = i;
      while (i < s_.size() && s_[i] >= '0' && s_[i] <= '9') ++i;
      return i - from;
    };
    if (i < s_.size() && s_[i] == '-') ++i;
    const std::size_t first_digit = i;
    const std::size_t whole = digits();
    if (whole == 0) return fail(i);
    if (whole > 1 && s_[first_digit] == '0') return fail(first_digit + 1);  // no leading zeros
    bool is_float = false;
    if (i < s_.size() && s_[i] == '.') {
      ++i;
      is_float = true;
      if (digits() == 0) return fail(i);
    }
    if (i < s_.size() && (s_[i] == 'e' || s_[i] == 'E')) {
      ++i;
      is_float = true;
      if (i < s_.size() && (s_[i] == '+' || s_[i] == '-')) ++i;
      if (digits() == 0) return fail(i);
    }
    const std::string_view text = s_.substr(start, i - start);
    if (is_float) {
      v.type = Value::Type::Float;
      decimal::parse(text, v.floating);
      if (!std::isfinite(v.floating)) return fail(start, "a number beyond the doubles", "数值超出 double 的范围");
    } else {
      v.type = Value::Type::Integer;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v.integer);
      if (ec != std::errc() || end != text.data() + text.size())
        return fail(start, "an integer beyond 64 bits", "整数超出 64 位");
    }
    r_.skip(text.size());
    return true;
  }

  bool array(Value& v, int depth) {
    v.type = Value::Type::Array;
    r_.expect('[');
    if (r_.expect(']')) return true;
    for (;;) {
      v.items.emplace_back();
      if (!value(v.items.back(), depth)) return false;
      if (r_.expect(',')) continue;
      return r_.expect(']');
    }
  }

  bool object(Value& v, int depth) {
    v.type = Value::Type::Table;
    r_.expect('{');
    if (r_.expect('}')) return true;
    std::vector<std::size_t> key_at;
    for (;;) {
      r_.peek();
      key_at.push_back(r_.position());
      std::optional<std::string> key = r_.string();
      if (!key || !r_.expect(':')) return false;
      Value item;
      if (!value(item, depth)) return false;
      v.insert(std::move(*key), std::move(item));
      if (r_.expect(',')) continue;
      if (!r_.expect('}')) return false;
      break;
    }
    // A table's keys are unique. Checked by sorting (util/stable_order.h),
    // not key by key: a long object costs n log n comparisons, not n².
    const std::vector<std::string>& keys = v.keys;
    const std::vector<std::uint32_t> order =
        stable_order(keys.size(), [&](std::uint32_t a, std::uint32_t b) { return keys[a] < keys[b]; });
    for (std::size_t k = 1; k < order.size(); ++k)
      if (keys[order[k - 1]] == keys[order[k]])
        return fail(key_at[std::max(order[k - 1], order[k])], "a key repeats", "键重复");
    return true;
  }

  bool fail(std::size_t at, std::string en = {}, std::string zh = {}) {
    if (!failed_at_) {
      failed_at_ = at;
      reason_en_ = std::move(en);
      reason_zh_ = std::move(zh);
    }
    return false;
  }

  // The message json::JsonReader gives, with the reason when there is one.
  json::ApiError error() const {
    const std::string at = std::to_string(failed_at_ ? *failed_at_ : r_.position());
    const bool why = !reason_en_.empty();
    return {"bad-json", "Malformed JSON argument near character " + at + (why ? ": " + reason_en_ : "") + ".",
            "JSON 参数格式错误（第 " + at + " 个字符附近）" + (why ? "：" + reason_zh_ : "") + "。", {}, {}};
  }

  std::string_view s_;
  json::JsonReader r_;
  int max_nesting_;
  int values_ = 0;
  std::optional<std::size_t> failed_at_;
  std::string reason_en_, reason_zh_;
};

}  // namespace

TreeJson tree_json(const Value& tree) {
  TreeJson out;
  if (!write(out.json, tree, 0, out.error)) out.json.clear();
  return out;
}

json::ApiResult<Value> read_tree_json(std::string_view text, int max_nesting) {
  return TreeReader(text, max_nesting).document();
}

}  // namespace calc::exercise
