// workbook: the calculus core on the command line.
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"

namespace workbook {
namespace {

constexpr Command kCommands[] = {
    {"diff", "diff EXPR VAR | diff --batch  (lines EXPR<TAB>VAR on stdin)", run_diff},
    {"grad", "grad EXPR [VARS...]", run_grad},
    {"eval", "eval EXPR NAME=VALUE...", run_eval},
    {"simplify", "simplify EXPR", run_simplify},
    {"latex", "latex EXPR", run_latex},
    {"limit-table", "limit-table EXPR AT [--float32]", run_limit_table},
    {"grade", "grade BOX_ID ANSWER [--seed N] [--exercises DIR]", run_grade},
    {"check", "check [DIR]", run_check},
};

int help(std::ostream& out) {
  out << "usage:\n";
  for (const Command& c : kCommands)
    if (!c.usage.empty()) out << "  workbook " << c.usage << '\n';
  return 0;
}

}  // namespace
}  // namespace workbook

int main(int argc, char** argv) {
  using namespace workbook;
  if (argc < 2) {
    help(std::cerr);
    return 2;
  }
  const std::string name = argv[1];
  if (name == "help" || name == "--help" || name == "-h") return help(std::cout);
  const std::vector<std::string> args(argv + 2, argv + argc);
  for (const Command& c : kCommands)
    if (c.name == name) return c.run(args);
  std::cerr << "workbook: unknown command '" << name << "'\n";
  help(std::cerr);
  return 2;
}
