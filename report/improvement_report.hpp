#pragma once
// Writers for `dedeleg improvement`: the Markdown report (framework,
// assumptions, schools by stage, the intervention schools, the link to the
// rate, the years ahead), the per-school CSV, JSON, and the SVG chart.

#include "model/improvement.hpp"

#include <map>

#include <ostream>

namespace report {

void write_improvement_markdown(std::ostream& out, const model::Costing& r);
/// URN,School,LastInspection,Outcome,CycleYear,Intervention,Category,Activities,Days,Cost — one row per school.
void write_improvement_csv(std::ostream& out, const model::Costing& r);
void write_improvement_json(std::ostream& out, const model::Costing& r);
/// Cost per year (schools' work, with the fixed work stacked above), black and white.
void write_improvement_svg(std::ostream& out, const model::Costing& r);

}  // namespace report
