#pragma once
// Loading a census CSV into plain data.

#include "calc/diagnostic.hpp"
#include "calc/schedule.hpp"
#include "calc/school.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace census {

/// Reads a census CSV (see README "Census format"). Header names are
/// case-insensitive and in any order. Factor columns are counts (FSM) or
/// proportions of NOR (FSM_prop, count = NOR × proportion, exactly). A blank
/// factor or Places cell, or the DfE's z, x or c, means "no count": accepted
/// here, refused by check_exemptions() and calc where a charge needs it.
/// Throws calc::InputError listing every problem as file:line: column: message.
calc::Census load_census(std::string_view text, const std::string& file);

/// The same, reading the file at `path`.
calc::Census load_census_file(const std::string& path);

/// Problems with a census against the schedules a run charges it on (this
/// year's, and last year's or a baseline where the run shows one): Exempt
/// entries that name a service of none of them, and counts one of their
/// charges needs that the census does not give — a cell with no count
/// (blank, z, x, c) or a column it lacks (calc::missing_counts). Every
/// command checks a census by this one rule.
std::vector<calc::Diagnostic> check_census(const calc::Census& census, const std::vector<const calc::Schedule*>& schedules);

/// check_census() against one schedule.
std::vector<calc::Diagnostic> check_exemptions(const calc::Census& census, const calc::Schedule& schedule);

/// Every column name the loader knows, for --help and error messages.
std::string known_columns();

}  // namespace census
