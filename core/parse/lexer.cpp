#include "parse/lexer.h"

#include <iterator>
#include <string>
#include <string_view>

#include "parse/errors.h"
#include "parse/unicode.h"

namespace calc::parsing {

namespace {

std::string span_text(std::u32string_view in, std::size_t from, std::size_t to) {
  return to_utf8(in.substr(from, to - from));
}

// Parses a run of ASCII digits as an index, or -1 when it is above kMaxIndex.
int digits_to_index(std::u32string_view digits) {
  long long v = 0;
  for (char32_t d : digits) {
    v = v * 10 + (d - U'0');
    if (v > kMaxIndex) return -1;
  }
  return static_cast<int>(v);
}

bool is_opener(Tok k) { return k == Tok::LParen || k == Tok::LBracket || k == Tok::LBrace; }
bool is_closer(Tok k) { return k == Tok::RParen || k == Tok::RBracket || k == Tok::RBrace; }
Tok closer_of(Tok k) { return k == Tok::LParen ? Tok::RParen : k == Tok::LBracket ? Tok::RBracket : Tok::RBrace; }

class Lexer {
 public:
  Lexer(std::u32string_view in, std::size_t max_depth, std::vector<Token>& out)
      : in_(in), max_depth_(max_depth), out_(out) {}

  std::optional<ParseError> run() {
    while (i_ < in_.size()) {
      const char32_t c = in_[i_];
      if (is_space(c)) {
        glued_ = false;
        ++i_;
        continue;
      }
      if (is_ascii_digit(c) || (c == U'.' && i_ + 1 < in_.size() && is_ascii_digit(in_[i_ + 1]))) {
        number();
      } else if (is_name_letter(c)) {
        identifier();
      } else if (c == U'_') {
        underscore_subscript();
      } else if (subscript_digit(c)) {
        subscript_digits();
      } else if (superscript_plain(c)) {
        superscript();
      } else {
        symbol(c);
      }
      if (error_) return std::move(error_);
      glued_ = true;
    }
    if (!open_.empty()) {
      unclosed(open_.back());
      return std::move(error_);
    }
    Token end;
    end.kind = Tok::End;
    end.pos = static_cast<std::uint32_t>(in_.size());
    end.len = 0;
    end.glued = glued_;
    out_.push_back(std::move(end));
    return std::nullopt;
  }

 private:
  Token& emit(Tok kind, std::size_t pos, std::size_t len, std::string text = {}) {
    Token t;
    t.kind = kind;
    t.pos = static_cast<std::uint32_t>(pos);
    t.len = static_cast<std::uint32_t>(len);
    t.glued = glued_;
    t.text = std::move(text);
    out_.push_back(std::move(t));
    glued_ = true;
    track_brackets(out_.size() - 1);
    return out_.back();
  }

  // The first error is kept and ends lexing: the scanners return right
  // after it, and run() stops. Out of line: a dozen call sites.
  [[gnu::cold]] [[gnu::noinline]] void fail(std::string_view code, std::size_t pos, std::size_t len,
                                            std::string_view a0 = {}, Variant variant = Variant::Default) {
    if (!error_) error_ = make_error(code, pos, len, a0, {}, variant);
  }
  // An error quoting the input from `from` to `to`, which is also its span.
  [[gnu::cold]] [[gnu::noinline]] void fail_span(std::string_view code, std::size_t from, std::size_t to,
                                                 Variant variant = Variant::Default) {
    fail(code, from, to - from, span_text(in_, from, to), variant);
  }

  void unclosed(const Token& o) { fail(code::kUnbalanced, o.pos, o.len ? o.len : 1, token_text(o)); }

  // Keeps the stack of open brackets; the first problem is kept in error_
  // and ends lexing.
  void track_brackets(std::size_t i) {
    const Token& t = out_[i];
    if (error_) return;
    if (is_opener(t.kind)) {
      open_.push_back(t);
      if (open_.size() > max_depth_) fail(code::kTooDeep, t.pos, t.len ? t.len : 1, std::to_string(max_depth_));
    } else if (is_closer(t.kind)) {
      if (open_.empty()) {
        fail(code::kUnbalanced, t.pos, t.len, token_text(t), Variant::StrayCloser);
      } else if (closer_of(open_.back().kind) != t.kind) {
        unclosed(open_.back());
      } else {
        open_.pop_back();
      }
    }
  }

  std::size_t digits_end(std::size_t j) const {
    while (j < in_.size() && is_ascii_digit(in_[j])) ++j;
    return j;
  }

  // 12, 0.5, .5, 1e-3, 1E3. An 'e' only starts an exponent when digits follow
  // (2e is 2·e, 2e-3 is 0.002).
  void number() {
    const std::size_t start = i_;
    std::size_t j = digits_end(i_);
    const bool has_int = j > start;
    if (j < in_.size() && in_[j] == U'.') {
      if (j + 1 < in_.size() && is_ascii_digit(in_[j + 1])) {
        j = digits_end(j + 1);
      } else if (has_int) {
        return fail_span(code::kBadNumber, start, j + 1);
      }
    }
    if (j < in_.size() && (in_[j] == U'e' || in_[j] == U'E')) {
      std::size_t k = j + 1;
      if (k < in_.size() && (in_[k] == U'+' || in_[k] == U'-')) ++k;
      if (k < in_.size() && is_ascii_digit(in_[k])) j = digits_end(k);
    }
    // "1.2.3" or "1e5.5": another fraction glued on is a malformed number, not a product.
    if (j + 1 < in_.size() && in_[j] == U'.' && is_ascii_digit(in_[j + 1])) {
      std::size_t k = j + 1;
      while (k < in_.size() && (is_ascii_digit(in_[k]) || in_[k] == U'.')) ++k;
      return fail_span(code::kBadNumber, start, k);
    }
    std::string text = has_int ? std::string() : std::string("0");
    text += span_text(in_, start, j);
    emit(Tok::Number, start, j - start, std::move(text));
    i_ = j;
  }

  // Letters, then optional ASCII digits as the index: x, xy, sin, x1, x12.
  void identifier() {
    const std::size_t start = i_;
    std::size_t j = i_;
    while (j < in_.size() && is_name_letter(in_[j])) ++j;
    const std::size_t letters_end = j;
    j = digits_end(j);
    int index = -1;
    if (j > letters_end) {
      index = digits_to_index(in_.substr(letters_end, j - letters_end));
      if (index < 0) return fail_span(code::kBadIndex, letters_end, j);
    }
    Token& t = emit(Tok::Ident, start, j - start, span_text(in_, start, letters_end));
    t.index = index;
    i_ = j;
  }

  // _1, _12, _{1}, _x, _x1, _{x}, _{x_1}: an index, or a name (for f_x).
  void underscore_subscript() {
    const std::size_t start = i_;
    std::size_t j = i_ + 1;
    const bool braced = j < in_.size() && in_[j] == U'{';
    if (braced) ++j;
    const std::size_t body = j;
    std::size_t end;
    Token sub;
    if (j < in_.size() && is_ascii_digit(in_[j])) {
      end = digits_end(j);
      sub.index = digits_to_index(in_.substr(body, end - body));
      if (sub.index < 0) return fail_span(code::kBadIndex, start, end);
      sub.text = span_text(in_, body, end);
    } else if (j < in_.size() && is_name_letter(in_[j])) {
      // One letter, optionally indexed: f_x, f_x1, f_{x_1}.
      end = j + 1;
      std::size_t digits_from = end;
      if (braced && end + 1 < in_.size() && in_[end] == U'_' && is_ascii_digit(in_[end + 1])) digits_from = end + 1;
      const std::size_t digits_to = digits_end(digits_from);
      sub.text = span_text(in_, j, j + 1);
      if (digits_to > digits_from) {
        const int index = digits_to_index(in_.substr(digits_from, digits_to - digits_from));
        if (index < 0) return fail_span(code::kBadIndex, start, digits_to);
        sub.text += "_" + std::to_string(index);
        end = digits_to;
      }
    } else {
      return fail(code::kBadIndex, start, 1, "_");
    }
    if (braced) {
      if (end >= in_.size() || in_[end] != U'}') {
        std::size_t stop = end;
        while (stop < in_.size() && in_[stop] != U'}' && !is_space(in_[stop])) ++stop;
        if (stop < in_.size() && in_[stop] == U'}') ++stop;
        return fail_span(code::kBadIndex, start, stop);
      }
      ++end;
    }
    Token& t = emit(Tok::Sub, start, end - start, std::move(sub.text));
    t.index = sub.index;
    i_ = end;
  }

  void subscript_digits() {
    const std::size_t start = i_;
    std::u32string digits;
    while (i_ < in_.size() && subscript_digit(in_[i_])) digits += subscript_digit(in_[i_++]);
    const int index = digits_to_index(digits);
    if (index < 0) return fail_span(code::kBadIndex, start, i_);
    Token& t = emit(Tok::Sub, start, i_ - start, to_utf8(digits));
    t.index = index;
  }

  // x² -> x ^ ( 2 ); x⁻¹ -> x ^ ( - 1 ); xᵀ -> x ^ ⊤. The synthetic brackets
  // keep x²³ one exponent and make x⁻² mean x^(-2).
  void superscript() {
    const std::size_t start = i_;
    std::size_t end = i_;
    while (end < in_.size() && superscript_plain(in_[end])) ++end;
    const bool glued = glued_;
    auto synth = [&](Tok kind, std::size_t pos, std::size_t len, std::string text = {}) -> Token& {
      Token& t = emit(kind, pos, len, std::move(text));
      t.synthetic = true;
      return t;
    };
    if (end - start == 1 && superscript_plain(in_[start]) == U'T') {
      synth(Tok::Caret, start, 1).glued = glued;
      synth(Tok::TransposeMark, start, 1);
      i_ = end;
      return;
    }
    // The synthetic brackets span the whole superscript, so an error inside
    // an incomplete one (x⁻) points at it.
    const std::string run = span_text(in_, start, end);
    synth(Tok::Caret, start, end - start, run).glued = glued;
    synth(Tok::LParen, start, end - start, run);
    std::size_t j = start;
    while (j < end) {
      const char32_t p = superscript_plain(in_[j]);
      if (is_ascii_digit(p)) {
        std::size_t k = j;
        std::string digits;
        while (k < end && is_ascii_digit(superscript_plain(in_[k]))) digits += static_cast<char>(superscript_plain(in_[k++]));
        synth(Tok::Number, j, k - j, digits);
        j = k;
        continue;
      }
      // Each is written as its plain character, except the transpose mark.
      Tok kind = Tok::Ident;
      switch (p) {
        case U'+': kind = Tok::Plus; break;
        case U'-': kind = Tok::Minus; break;
        case U'(': kind = Tok::LParen; break;
        case U')': kind = Tok::RParen; break;
        case U'T': kind = Tok::TransposeMark; break;
        default: break;
      }
      synth(kind, j, 1, kind == Tok::TransposeMark ? std::string() : std::string(1, static_cast<char>(p)));
      ++j;
    }
    synth(Tok::RParen, start, end - start, run);
    i_ = end;
  }

  void symbol(char32_t c) {
    Tok kind;
    std::size_t len = 1;
    switch (c) {
      case U'+': kind = Tok::Plus; break;
      case U'-': case 0x2212: case 0x2013: case 0x2010: case 0x2011: case 0xFE63: kind = Tok::Minus; break;
      case U'*':
        if (i_ + 1 < in_.size() && in_[i_ + 1] == U'*') {
          kind = Tok::Caret;
          len = 2;
        } else {
          kind = Tok::Star;
        }
        break;
      case 0x00D7: case 0x00B7: case 0x22C5: case 0x2217: case 0x2219: kind = Tok::Star; break;
      case U'/': case 0x00F7: case 0x2215: kind = Tok::Slash; break;
      case U'^': kind = Tok::Caret; break;
      case U'(': kind = Tok::LParen; break;
      case U')': kind = Tok::RParen; break;
      case U'[': kind = Tok::LBracket; break;
      case U']': kind = Tok::RBracket; break;
      case U'{': kind = Tok::LBrace; break;
      case U'}': kind = Tok::RBrace; break;
      case U'|': case 0x2223: kind = Tok::Bar; break;
      case 0x2016: kind = Tok::DoubleBar; break;
      case U',': case 0x3001: kind = Tok::Comma; break;
      case U';': kind = Tok::Semicolon; break;
      case U'=': kind = Tok::Equals; break;
      case 0x221A: kind = Tok::Sqrt; break;
      case 0x2202: kind = Tok::Partial; break;
      case 0x22A4: kind = Tok::TransposeMark; break;
      case U'\'': case 0x2032:
        return fail_span(code::kUnexpectedCharacter, i_, i_ + 1, Variant::Prime);
      default:
        return fail_span(code::kUnexpectedCharacter, i_, i_ + 1);
    }
    emit(kind, i_, len, span_text(in_, i_, i_ + len));
    i_ += len;
  }

  std::u32string_view in_;
  std::size_t max_depth_;
  std::vector<Token>& out_;
  std::vector<Token> open_;
  std::optional<ParseError> error_;
  std::size_t i_ = 0;
  bool glued_ = false;
};

}  // namespace

std::optional<ParseError> lex(std::u32string_view input, std::size_t max_depth, std::vector<Token>& out) {
  return Lexer(input, max_depth, out).run();
}

std::string token_text(const Token& t) {
  // The ^ ( ) made from a superscript are quoted as the superscript itself.
  if (t.synthetic && t.kind != Tok::Number && t.kind != Tok::Ident && !t.text.empty()) return t.text;
  switch (t.kind) {
    case Tok::Sub: return "_" + t.text;
    case Tok::Ident: return t.index >= 0 ? t.text + std::to_string(t.index) : t.text;
    case Tok::Number: return t.text;
    default: break;
  }
  // The other kinds by their spelling, in the order of Tok (End is empty).
  static constexpr std::string_view kSpelling[] = {"",  "",  "",  "",  "+", "-", "*", "/", "^", "(", ")", "[",
                                                   "]", "{", "}", "|", "‖", ",", ";", "=", "√", "∂", "T"};
  static_assert(std::size(kSpelling) == static_cast<std::size_t>(Tok::TransposeMark) + 1);
  return std::string(kSpelling[static_cast<std::size_t>(t.kind)]);
}

}  // namespace calc::parsing
