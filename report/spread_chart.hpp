#pragma once
// A small chart of how one service's charges spread over the schools.

#include "calc/decimal.hpp"
#include "calc/range.hpp"

#include <ostream>
#include <vector>

namespace report {

/// One bar per school, lowest to highest, with the table's lowest, median and
/// highest (`range`) labelled; black, grey and white only, so it prints. The bars'
/// heights are drawing positions (doubles); every label is the exact amount.
void write_spread_svg(std::ostream& out, std::vector<calc::Decimal> charges, const calc::PoundRange& range);

}  // namespace report
