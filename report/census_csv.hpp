#pragma once
// A census written back as CSV, in the format the census loader reads.

#include "calc/school.hpp"

#include <ostream>

namespace report {

/// URN,LAESTAB,School,Phase,Governance,NOR,Places,FSM..LPA (counts),Exempt.
void write_census_csv(std::ostream& out, const calc::Census& census);

}  // namespace report
