#pragma once
// Loading each school's post-MFG budget share: CSV `URN,PostMFGBudget` (an
// optional School column for people; "Post MFG budget" and other spellings
// with spaces, underscores or hyphens are the same column).

#include "calc/apt.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace census {

/// Rows in file order. Throws calc::InputError with every problem, each as
/// file:line: column: ...: a URN that is not one, given twice or not in
/// `census`; a budget that is not an amount of money in pounds (`£1,234.56`
/// and `1234.56` are; a percentage, a negative amount or more than two
/// decimal places are not); an unknown or missing column; no rows.
std::vector<calc::BudgetShare> load_budget_shares(std::string_view text, const std::string& file, const calc::Census& census);
std::vector<calc::BudgetShare> load_budget_shares_file(const std::string& path, const calc::Census& census);

}  // namespace census
