#pragma once
// `dedeleg check`: each figure a published paper prints beside the engine's,
// and what the paper's words leave out, as Markdown or JSON.

#include "calc/decimal.hpp"

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace report {

/// What a figure counts: the unit it is printed and compared in.
enum class FigureUnit { pounds, percent, count };

/// One printed figure checked. `printed`, `computed` and `at_printed` are in
/// the unit (pounds, percentage points, a count); `places` is the printed
/// precision (-3: to £1,000). The comparison is at_printed == printed, where
/// at_printed is the computed figure rounded half up to `places` (for a
/// rise, whether the printed rise gives the rate charged: see `working`).
struct FigureCheck {
    long line = 0;          ///< the figure's [[figure]] line in the figures file
    std::string where;      ///< the paper's section and line
    std::string what;       ///< the kind: "total", "rate", "rise"...
    std::string claim;      ///< what it is, in words: "Insurance — total, 2025-26"
    std::string printed_text;
    calc::Decimal printed;
    int places = 0;
    FigureUnit unit = FigureUnit::pounds;
    calc::Decimal computed;      ///< exact, or to more places than printed when it is a quotient
    bool computed_exact = true;  ///< false: computed was rounded (half up) at its scale
    calc::Decimal at_printed;    ///< computed at the printed precision
    bool reconciles = true;
    std::string working;  ///< how it was computed, or why it does not reconcile
    std::string note;     ///< the figures file's own note

    calc::Decimal difference() const { return computed - printed; }
};

/// Something the paper's words leave out (a service charged but not named in
/// its introduction; services charged on different pupils because of
/// exemptions it does not state), or the confirmation that nothing is.
struct Finding {
    std::string kind;  ///< "introduction", "pupils"
    bool flagged = false;
    std::string title;
    std::vector<std::string> lines;
};

struct CheckReport {
    std::string file;    ///< the figures file
    std::string title;   ///< the paper's
    std::string inputs;  ///< what the figures were computed from, in words
    std::vector<FigureCheck> figures;
    std::vector<Finding> findings;

    std::size_t figures_flagged() const;
    std::size_t findings_flagged() const;
    bool all_reconcile() const { return figures_flagged() == 0 && findings_flagged() == 0; }
};

/// A figure in its unit as the paper would print it at `places` ("£363,000", "9.6%", "17,466").
std::string figure_text(const calc::Decimal& value, FigureUnit unit, int places);

void write_check_markdown(std::ostream& out, const CheckReport& report);
/// Figures as exact decimal strings, never JSON numbers.
void write_check_json(std::ostream& out, const CheckReport& report);

}  // namespace report
