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

/// Problems with a census against `schedule`: Exempt entries that name no
/// service of it, and cells with no count (blank, z, x, c) that one of its
/// charges needs (calc::missing_counts).
std::vector<calc::Diagnostic> check_exemptions(const calc::Census& census, const calc::Schedule& schedule);

/// Every column name the loader knows, for --help and error messages.
std::string known_columns();

}  // namespace census
