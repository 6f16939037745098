#pragma once
// Writers for `dedeleg improvement`: the Markdown report (framework,
// assumptions, schools by stage, the intervention schools, the link to the
// rate, the years ahead), the per-school CSV, JSON, and the SVG chart.

#include "model/improvement.hpp"

#include <map>

#include <ostream>

namespace report {

void write_improvement_markdown(std::ostream& out, const model::Costing& r);

/// "Financial year 2025-26 (1 April 2025 to 31 March 2026) = 5/12 of academic year 2024-25 (April to
/// August 2025) + 7/12 of academic year 2025-26 (September 2025 to March 2026)".
std::string financial_year_basis(int financial_year);
/// The working: "(5 × £A + 7 × £B) ÷ 12 = £W ÷ 12 = £Q… → £C (rounded half up to the penny, once)".
std::string financial_year_working(const model::FinancialYearCost& c);
/// Said when academic year Y-1 could not be placed (empty when it was).
std::string earlier_year_note(const model::Costing& r);
/// URN,School,LastInspection,Outcome,CycleYear,Intervention,Category,Activities,Days,Cost — one row per school.
void write_improvement_csv(std::ostream& out, const model::Costing& r);
void write_improvement_json(std::ostream& out, const model::Costing& r);
/// Cost per year (schools' work, with the fixed work stacked above), black and white.
void write_improvement_svg(std::ostream& out, const model::Costing& r);

}  // namespace report
