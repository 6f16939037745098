#pragma once
// The APT tie-out (the New ISB columns per school) as Markdown or CSV.

#include "calc/apt.hpp"

#include <ostream>

namespace report {

/// The New ISB table with its total row, then the reconciliation with the
/// paper's tables: each service's per-school pennies, and the De-delegation and
/// Education functions columns against minus their services' totals.
void write_apt_markdown(std::ostream& out, const calc::Census& census, const calc::Schedule& schedule, const calc::AptTieOut& t);

/// URN,LAESTAB,School,Phase,Governance,Post MFG budget,De-delegation,Post
/// de-delegation budget,Education functions,Post de-delegation and education
/// functions budget; one row a school, census order, then a TOTAL row.
void write_apt_csv(std::ostream& out, const calc::Census& census, const calc::AptTieOut& t);

}  // namespace report
