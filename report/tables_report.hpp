#pragma once
// The Forum paper's tables as Markdown, CSV or JSON.

#include "calc/tables.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace report {

/// What `dedeleg tables` shows: every service table of `schedule` on `census`,
/// with last year's rates and totals when `previous` is given.
struct TablesReport {
    const calc::Census& census;
    const calc::Schedule& schedule;
    const calc::Schedule* previous;
    std::vector<calc::ServiceTable> tables;
    calc::TablesSummary summary;  ///< the selected option of every service

    TablesReport(const calc::Census& c, const calc::Schedule& s, const calc::Schedule* p)
        : census(c), schedule(s), previous(p), tables(calc::build_tables(c, s, p)), summary(calc::summarise(c, s, tables)) {}
};

void write_tables_markdown(std::ostream& out, const TablesReport& report);

/// The notes under a service table, as sentences (every front end's words:
/// Markdown, the paper, the workbook): where presented figures do not add
/// up, each phase's totals, the budget-first working, the per-school range,
/// the reconciliation, how the rate was set and the rules it was checked against.
std::vector<std::string> service_notes(const TablesReport& report, const calc::ServiceTable& table);
/// The reconciliation over every service.
std::string summary_reconciliation(const calc::TablesSummary& summary);
/// "£1", "£1,000": the precision a service's totals are presented to.
std::string presentation_words(long long pounds);
/// One row per phase and factor of each service option, a TOTAL row per phase
/// (when it lists more than one), a TOTAL row per option (with the per-school
/// range and any note), then an ALL row: the all-services summary.
void write_tables_csv(std::ostream& out, const TablesReport& report);
/// Amounts as exact decimal strings, never JSON numbers.
void write_tables_json(std::ostream& out, const TablesReport& report);

}  // namespace report
