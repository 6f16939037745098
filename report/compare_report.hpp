#pragma once
// "What does this cost my school?": per-school change between two schedules.

#include "calc/compare.hpp"

#include <ostream>

namespace report {

/// URN,LAESTAB,School,Phase,From,To,Change,Change %,<service id> change...; then TOTAL.
void write_compare_csv(std::ostream& out, const calc::Census& census, const calc::Comparison& cmp);

/// A Markdown table of the same, largest rise first is left to the reader's
/// sort: rows stay in census order so two runs line up.
void write_compare_markdown(std::ostream& out, const calc::Census& census, const calc::Schedule& from,
                            const calc::Schedule& to, const calc::Comparison& cmp);

}  // namespace report
