#include "parse/errors.h"

#include <array>

#include "parse/unicode.h"

namespace calc::parsing {

namespace {

struct Message {
  std::string_view code;
  Variant variant;
  std::string_view en;
  std::string_view zh;
};

constexpr std::array kMessages{
    Message{code::kEmpty, Variant::Default, "The answer is empty.", "答案为空。"},
    Message{code::kTooLong, Variant::Default, "The input is too long (the limit is {0} bytes).",
            "输入过长（上限为 {0} 字节）。"},
    Message{code::kInvalidUtf8, Variant::Default, "The input contains bytes that are not valid UTF-8 text.",
            "输入包含无效的 UTF-8 字节。"},
    Message{code::kControlCharacter, Variant::Default,
            "The input contains an invisible or control character ({0}); please delete it.",
            "输入包含不可见字符或控制字符（{0}），请删除。"},
    Message{code::kBidiControl, Variant::Default,
            "The input contains a text-direction control character ({0}), which is not allowed.",
            "输入包含文字方向控制字符（{0}），不允许使用。"},
    Message{code::kUnexpectedCharacter, Variant::Default, "The character '{0}' cannot be used in a formula.",
            "公式中不能使用字符“{0}”。"},
    Message{code::kUnexpectedCharacter, Variant::Prime,
            "The prime ' is not supported; write the derivative as d/dx(...) or df/dx.",
            "不支持撇号 '，请把导数写成 d/dx(...) 或 df/dx。"},
    Message{code::kUnexpectedToken, Variant::Default, "'{0}' is not expected here.", "此处不应出现“{0}”。"},
    Message{code::kUnexpectedToken, Variant::NumberAfterValue,
            "The number '{0}' follows another value directly; put an operator such as * before it.",
            "数字“{0}”紧跟在另一个值后面，请在它前面加上运算符，例如 *。"},
    Message{code::kUnexpectedToken, Variant::EqualsInBrackets, "'=' can only appear once, outside all brackets.",
            "“=”只能出现一次，并且不能在括号内。"},
    Message{code::kUnexpectedToken, Variant::FunctionPower,
            "After '{0}^' only a positive whole power is allowed, as in sin^2 x; write asin(x) or (sin x)^(-1).",
            "“{0}^”后面只能是正整数次幂，例如 sin^2 x；请写成 asin(x) 或 (sin x)^(-1)。"},
    Message{code::kUnexpectedToken, Variant::MissingArgument, "'{0}' needs an argument, as in {0}(x).",
            "“{0}”需要参数，例如 {0}(x)。"},
    Message{code::kUnexpectedEnd, Variant::MissingArgument, "'{0}' needs an argument, as in {0}(x).",
            "“{0}”需要参数，例如 {0}(x)。"},
    Message{code::kUnexpectedEnd, Variant::Default, "The expression ends too early; something is missing at the end.",
            "表达式不完整，结尾缺少内容。"},
    Message{code::kUnbalanced, Variant::Default, "'{0}' is never closed.", "“{0}”没有配对的右括号。"},
    Message{code::kUnbalanced, Variant::StrayCloser, "'{0}' has no matching opening bracket.",
            "“{0}”没有配对的左括号。"},
    Message{code::kUnknownFunction, Variant::Default, "Unknown function '{0}'.", "未知函数“{0}”。"},
    Message{code::kUnknownSymbol, Variant::Default, "Unknown name '{0}': it is not a variable of this exercise.",
            "未知名称“{0}”：它不是本题的变量。"},
    Message{code::kBadNumber, Variant::Default, "'{0}' is not a valid number.", "“{0}”不是有效的数字。"},
    Message{code::kBadIndex, Variant::Default, "'{0}' is not a valid subscript; use a whole number, as in x_1.",
            "“{0}”不是有效的下标，请使用整数下标，例如 x_1。"},
    Message{code::kBadIndex, Variant::NormSubscript, "Only the 2-norm is supported: write ‖x‖ or ‖x‖₂.",
            "只支持 2-范数：请写 ‖x‖ 或 ‖x‖₂。"},
    Message{code::kBadIndex, Variant::LetterSubscript,
            "The subscript '{0}' names a partial derivative, but '{1}' is not a declared function.",
            "下标“{0}”表示偏导数，但“{1}”不是已声明的函数。"},
    Message{code::kTooDeep, Variant::Default, "The expression is nested too deeply (the limit is {0} levels).",
            "表达式嵌套过深（上限为 {0} 层）。"},
    Message{code::kExponentTooLarge, Variant::Default, "The exponent is too large (the limit is {0}).",
            "指数过大（上限为 {0}）。"},
    Message{code::kTwoEquals, Variant::Default, "Only one '=' is allowed.", "只能有一个“=”。"},
    Message{code::kWrongArity, Variant::Default, "'{0}' takes {1} argument(s).", "“{0}”需要 {1} 个参数。"},
    Message{code::kBadDerivative, Variant::Default,
            "Write a derivative as ∂f/∂x, df/dx, d/dx(...) or ∂²f/∂x∂y.",
            "导数请写成 ∂f/∂x、df/dx、d/dx(...) 或 ∂²f/∂x∂y 的形式。"},
    Message{code::kBadDerivative, Variant::OrderMismatch,
            "The order on top ({0}) does not match the orders below the fraction bar ({1}).",
            "分子上的阶数（{0}）与分母中的阶数（{1}）不一致。"},
    Message{code::kBadVector, Variant::Default, "The rows of this matrix have different lengths.",
            "矩阵各行的长度不一致。"},
    Message{code::kDivisionByZero, Variant::Default, "Division by zero.", "除数为零。"},
    Message{code::kNumberTooLarge, Variant::Default, "A number in the expression is too large.", "表达式中的数字过大。"},
    Message{code::kInvalidExpression, Variant::Default,
            "These parts cannot be combined (for example a vector added to a number).",
            "这些部分无法组合（例如把向量与数字相加）。"},
};

// Learner text quoted in a message is cut so that a huge token cannot make a huge message.
std::string quoted(std::string_view text) {
  constexpr std::size_t kMaxCodePoints = 24;
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool starts_code_point = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_code_point && ++count > kMaxCodePoints) {
      out += "…";
      break;
    }
    out += text[i];
  }
  return out;
}

std::string fill(std::string_view pattern, std::string_view a0, std::string_view a1) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
        (pattern[i + 1] == '0' || pattern[i + 1] == '1')) {
      out += quoted(pattern[i + 1] == '0' ? a0 : a1);
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

}  // namespace

ParseError make_error(std::string_view code, std::size_t position, std::size_t length, std::string_view arg0,
                      std::string_view arg1, Variant variant) {
  const Message* found = nullptr;
  for (const auto& m : kMessages) {
    if (m.code != code) continue;
    if (m.variant == variant) {
      found = &m;
      break;
    }
    if (m.variant == Variant::Default && !found) found = &m;
  }
  ParseError e;
  e.code = std::string(code);
  e.position = position;
  e.length = length;
  if (found) {
    e.message = fill(found->en, arg0, arg1);
    e.message_zh = fill(found->zh, arg0, arg1);
  } else {
    e.message = e.message_zh = std::string(code);
  }
  return e;
}

}  // namespace calc::parsing
