#pragma once
// Loading the schools that become academies during the year: CSV `URN,Date`
// (an optional School column for people), one row a school.

#include "calc/conversions.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace census {

/// Rows in file order. Throws calc::InputError with every problem, each as
/// file:line: column: ...: a URN that is not one, given twice, not in
/// `census`, an academy there, or charged no de-delegation (`charged`, from
/// calc::charged_de_delegation); a date not written 2025-12-01, not a day of
/// the calendar, or outside `year`; an unknown or missing column; no rows.
std::vector<calc::Conversion> load_conversions(std::string_view text, const std::string& file, const calc::Census& census,
                                               const std::vector<bool>& charged, const calc::FinancialYear& year);
std::vector<calc::Conversion> load_conversions_file(const std::string& path, const calc::Census& census,
                                                    const std::vector<bool>& charged, const calc::FinancialYear& year);

}  // namespace census
