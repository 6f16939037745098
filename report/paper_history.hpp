#pragma once
// The paper's tables from the LA's record: last year's decisions and the
// history of each service's rates, as rows both the HTML paper and the
// workbook print. Rates of the schedules' years come from the schedules;
// earlier years from the history file.

#include "report/paper.hpp"

#include <optional>
#include <string>
#include <vector>

namespace report {

struct DecisionRow {
    std::string service;
    std::string requested;  ///< "Yes", "No"
    std::string outcome;    ///< "Agreed", "Not agreed", "N/A", or "Agreed: Primary, Special" from a schedule
};

struct DecisionsTable {
    std::string year;
    std::string source;  ///< where the rows come from, as a sentence
    std::vector<DecisionRow> rows;
};

/// Last year's decisions: the history file's for the previous schedule's year
/// (or its latest year, without a previous schedule), else what the previous
/// schedule charged. None when neither is given.
std::optional<DecisionsTable> decisions_table(const Paper& paper);

/// One rate of a year: a phase's factor (no phase: as the record gives it, every phase).
struct RateEntry {
    std::optional<calc::Phase> phase;
    calc::Factor factor = calc::Factor::AWPU;
    calc::Rate rate;
};

struct RateHistoryRow {
    std::size_t service = 0;  ///< index into this year's schedule
    std::string year;
    std::string option;       ///< this year's option label (with its tag) when the service has several
    std::vector<RateEntry> rates;
    std::string note;
    std::string source;       ///< "history file", "2024-25 schedule", "2025-26 schedule"
};

/// Every service of this year's schedule, oldest year first.
std::vector<RateHistoryRow> rate_history(const Paper& paper);

/// "Primary £19.31 per pupil; Special £45.00 per place" (the phase left out when the service has one).
std::string rates_words(const calc::Service& service, const std::vector<RateEntry>& rates);

/// A line of an appendix's figures: the engine's for its service (rates,
/// totals, the per-school spread, the share of a formula value kept) and the
/// service's own from the history file.
struct AppendixFigure {
    std::string label;
    std::string value;
    std::string source;  ///< "calculated", or the history file's name
};

/// The figures an appendix about `service_id` shows (none for an unknown id).
std::vector<AppendixFigure> appendix_figures(const Paper& paper, const std::string& service_id);

}  // namespace report
