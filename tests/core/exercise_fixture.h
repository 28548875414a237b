// A minimal exercise file for tests of the exercise reader and the catalog
// check: a header of 9 lines (one variable x, one definition f = 3x^2) and
// one derivative box of 14 lines, so that text appended after the box
// starts at line 24.
#pragma once

#include <string>

namespace calc::exercise::fixture {

// prompt_suffix is appended to both prompts ("{{f}}" to test placeholders).
inline std::string header(const std::string& prompt_suffix = "") {
  return "id = \"t.bad\"\ntitle.zh = \"t\"\ntitle.en = \"t\"\nprompt.zh = \"t" + prompt_suffix +
         "\"\nprompt.en = \"t" + prompt_suffix + "\"\n[variables]\nx = \"real\"\n[define]\nf = \"3x^2\"\n";
}

inline const std::string kBox = R"([[box]]
id = "t.bad/d"
kind = "expression"
task = "derivative"
of = "f"
wrt = "x"
label.zh = "t"
label.en = "t"
[[box.hint]]
zh = "t"
en = "t"
[box.solution]
zh = "{{answer}}"
en = "{{answer}}"
)";

}  // namespace calc::exercise::fixture
