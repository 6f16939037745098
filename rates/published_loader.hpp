#pragma once
// Loading a published paper's figures (TOML) for `dedeleg check`: each figure
// as printed, how precisely it is printed, and what it claims to be; the
// inputs to compute them from; what the paper's words state.

#include "calc/decimal.hpp"
#include "calc/factor.hpp"
#include "calc/rounding.hpp"
#include "calc/school.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rates {

/// What a printed figure claims to be.
enum class FigureKind {
    rate,    ///< a service's rate for a factor and phase
    total,   ///< a service's total, a phase's part of it, or one factor's column
    pupils,  ///< the count of a factor (pupils, places) a service is charged on
    cut,     ///< last year's total less this year's, both on this census
    change,  ///< the percentage change of a rate or total from last year
    rise,    ///< "raised by P%": last year's rate × (1 + P), rounded as rates are set, gives this year's
    ledger,  ///< a row of a service ledger in one year
    range,   ///< the lowest, median, highest or mean charge on one school
};

std::string_view name_of(FigureKind kind);

/// One figure as the paper prints it. `printed` is in the unit people read:
/// pounds, percentage points (9.6 for "9.6%") or a count. `places` is the
/// precision printed: 2 for "£40.49", 0 for £1, -3 for "to £1,000", 1 for "9.6%".
struct PublishedFigure {
    long line = 0;           ///< of the [[figure]] table, for messages
    std::string where;       ///< the paper's section and line, as the file cites it
    std::string printed_text;
    calc::Decimal printed;
    bool percent = false;
    int places = 0;
    FigureKind kind = FigureKind::total;
    std::string service;                 ///< the schedule's (or, for a ledger row, the ledger's) service id
    std::string option;                  ///< empty: the option the schedule selects
    std::string year;                    ///< a schedule's or ledger's year; empty: the proposal's
    std::optional<calc::Phase> phase;
    std::optional<calc::Factor> factor;
    std::string row;                     ///< ledger: budget, spend, outturn, balance, rate, pupils
    std::string statistic;               ///< range: lowest, median, highest, mean
    std::string of = "rate";             ///< change: rate or total
    calc::RoundingMode round = calc::RoundingMode::up;  ///< rise: how the raised rate is rounded
    std::string note;
    /// The line of each key, for messages about a key's value found later.
    long service_line = 0, option_line = 0, year_line = 0, factor_line = 0;
};

/// Where the figures are computed from: the shipped Havering inputs, or
/// files named relative to the figures file (already resolved here).
struct PublishedInputs {
    bool shipped = false;  ///< `shipped = "havering"`
    std::string census, rates, previous;
    std::vector<std::string> ledgers;
    long line = 0;
};

/// A published paper's figures and statements.
struct PublishedPaper {
    std::string file;
    std::string title;
    PublishedInputs inputs;
    /// The services the introduction names, when the file lists them.
    std::optional<std::vector<std::string>> introduction;
    long introduction_line = 0;
    /// The services the paper says some schools are exempt from (none when absent).
    std::vector<std::string> exemptions;
    long exemptions_line = 0;
    std::vector<PublishedFigure> figures;
};

/// Reads a figures file (see README "dedeleg check"). Throws calc::InputError
/// listing every problem as file:line: key: message.
PublishedPaper load_published(std::string_view text, const std::string& file);
PublishedPaper load_published_file(const std::string& path);

}  // namespace rates
