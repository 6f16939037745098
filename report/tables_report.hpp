#pragma once
// The Forum paper's tables as Markdown, CSV or JSON.

#include "calc/tables.hpp"

#include <ostream>
#include <vector>

namespace report {

/// What `dedeleg tables` shows: every service table of `schedule` on `census`,
/// with last year's rates and totals when `previous` is given.
struct TablesReport {
    const calc::Census& census;
    const calc::Schedule& schedule;
    const calc::Schedule* previous;
    std::vector<calc::ServiceTable> tables;

    TablesReport(const calc::Census& c, const calc::Schedule& s, const calc::Schedule* p)
        : census(c), schedule(s), previous(p), tables(calc::build_tables(c, s, p)) {}
};

void write_tables_markdown(std::ostream& out, const TablesReport& report);
/// One row per factor of each service option, then a TOTAL row per option.
void write_tables_csv(std::ostream& out, const TablesReport& report);
/// Amounts as exact decimal strings, never JSON numbers.
void write_tables_json(std::ostream& out, const TablesReport& report);

}  // namespace report
