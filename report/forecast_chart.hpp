#pragma once
// A forecast as an SVG chart for a Forum paper, readable in black and white.

#include "report/ledger_report.hpp"

#include <ostream>

namespace report {

/// Two panels: budget (white, outlined) and spend (dark grey) bars per year;
/// below, the outturn line with the simulated fan (P5-P95 light, P25-P75
/// darker, median dashed) over the projected years.
void write_forecast_svg(std::ostream& out, const ForecastReport& r);

}  // namespace report
