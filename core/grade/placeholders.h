#pragma once
// `{{…}}` placeholders in prompts, labels, hints, choices and solutions,
// filled per variant:
//   {{p}}           a parameter's value, or a definition in LaTeX;
//   {{f'}}          the derivative of a definition in the exercise's first variable;
//   {{f@p}}         a definition's value at a point (p: a parameter, definition or number);
//   {{answer}}      the box's computed reference in LaTeX (a choice: its text);
//   {{answer:BOX}}  another box's reference.
#include <string>
#include <vector>

#include "grade/problem.h"

namespace calc::grade {

enum class Language { Zh, En };

// Fills every placeholder of `text`. Unknown placeholders are left as they
// are and described in `errors` (for `workbook check`).
std::string fill_placeholders(const std::string& text, const Problem& p, Language lang,
                              std::vector<std::string>* errors = nullptr);

// The reference of the problem's box as shown to a learner: LaTeX and text.
struct ShownAnswer {
  std::string latex, text;
  std::string zh, en;  // choice boxes: the right choice's text
};
ShownAnswer shown_answer(const Problem& p);

}  // namespace calc::grade
