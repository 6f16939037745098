#pragma once
// The Forum paper, its workbook and the school statements: what they show,
// gathered by app::write_paper, and the writers.

#include "calc/statement.hpp"
#include "rates/history.hpp"
#include "rates/paper_template.hpp"
#include "report/ledger_report.hpp"
#include "report/tables_report.hpp"

#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace report {

/// Everything the paper prints. Figures come from `tables`, `statements` and
/// `forecasts` (the engine's); words from `words` (placeholders filled).
struct Paper {
    const TablesReport& tables;              ///< census, schedule, previous schedule, every service table
    rates::PaperTemplate words;
    std::vector<calc::SchoolStatement> statements;  ///< one per maintained school charged this year or last, census order
    bool has_previous = false;                      ///< statements' baseline is last year's schedule
    std::vector<std::pair<std::string, ForecastReport>> forecasts;  ///< service id → its ledger's forecast, one per ledger given
    rates::History history;  ///< decisions, earlier rates, service figures (empty when no history file is given)
};

/// paper.html: one self-contained, printable file (inline CSS and SVG, no scripts or fonts).
void write_paper_html(std::ostream& out, const Paper& paper);
/// statements.html: a printed page per school.
void write_statements_html(std::ostream& out, const Paper& paper);
/// paper.xlsx, written to `path` (libxlsxwriter writes files itself).
/// Throws std::runtime_error if the library reports a failure.
void write_paper_xlsx(const std::string& path, const Paper& paper);

/// A school's name as statements and appendix show it: "Name (URN 123456)".
std::string school_title(const calc::School& school);

}  // namespace report
