#pragma once
// Feedback items: a stable code the page, tests and saved progress rely on,
// plus the message in Chinese and English. Every message is built here, so
// the wording of a code lives in one place.
#include <string>
#include <string_view>
#include <vector>

namespace calc::grade {

struct Feedback {
  std::string code;
  std::string zh;
  std::string en;
};

// Numbers as shown to a learner: integers plainly, others with 3 significant
// digits (more when needed to tell two shown values apart).
std::string show_number(double v);
std::string show_numbers_apart(double a, double b, std::string& other);

namespace fb {
Feedback correct();
Feedback undecided();
Feedback mismatch();
Feedback domain_mismatch(const std::string& point);
Feedback counterexample(const std::string& point, double answer, double reference, std::string_view what_en,
                        std::string_view what_zh);
Feedback too_imprecise();
Feedback expected_number();
Feedback function_for_value();
Feedback not_an_expression();
Feedback scalar_for_vector();
Feedback dimension_mismatch(std::size_t given, std::size_t expected);
Feedback wrong_component(std::size_t index_one_based);
Feedback swapped_components();
Feedback sign_error();
Feedback constant_factor(const std::string& factor);
Feedback missing_term(const std::string& term_latex);
Feedback extra_term(const std::string& term_latex);
Feedback extra_constant();
Feedback term_sign_error(const std::string& term_latex);
Feedback not_differentiated();
Feedback derivative_for_tangent();
Feedback function_for_tangent();
Feedback tangent_for_derivative();
Feedback tangent_wrong_slope();
Feedback tangent_wrong_point();
Feedback not_a_line();
Feedback value_at_wrong_point(const std::string& point);
Feedback function_value_for_slope();
Feedback table_entry(const std::string& h);
Feedback wrong_variable(const std::string& variable);
Feedback dropped_chain_path(const std::string& term_latex);
Feedback product_instead_of_sum();
Feedback restates_question();
Feedback unknown_choice();
Feedback wrong_choice();
// Misconceptions named by the buggy rules (grade/buggy_rules.h).
Feedback power_rule_on_exp();
Feedback reciprocal_sign();
Feedback missing_inner_derivative();
Feedback product_of_derivatives();
Feedback quotient_rule_sign();
Feedback quotient_rule_denominator();
Feedback power_rule_variable_exponent();
Feedback exponential_rule_variable_base();
Feedback gradient_of_squared_norm();
Feedback inverse_at_y();
Feedback reciprocal_for_inverse();
Feedback forgot_reciprocal();
}  // namespace fb

}  // namespace calc::grade
