#include "census/conversions_loader.hpp"

#include "census/csv_columns.hpp"
#include "census/school_index.hpp"
#include "io/text_file.hpp"

#include <algorithm>
#include <map>

namespace census {

namespace {

// Why `text` is not a date this file accepts.
std::string date_problem(std::string_view text) {
    const std::string quoted = "\"" + std::string(text) + "\"";
    if (text.empty()) return "no date: give the first day the school is an academy, as 2025-12-01";
    const bool iso_shape = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                           std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
    if (iso_shape) return quoted + " is not a day of the calendar";
    return "write a date as 2025-12-01 (year-month-day), not " + quoted +
           (text.find('/') != std::string_view::npos ? " (01/12/2025 is 1 December in England and 12 January in the US)" : "");
}

}  // namespace

std::vector<calc::Conversion> load_conversions(std::string_view text, const std::string& file, const calc::Census& census,
                                               const std::vector<bool>& charged, const calc::FinancialYear& year) {
    const std::vector<CsvRow> rows = read_csv_rows(text, file);
    if (rows.empty()) throw calc::InputError({{file, 0, "", "empty: no header row (URN,Date)"}});
    std::vector<calc::Diagnostic> problems;
    const CsvColumns c = read_columns(rows[0], file, {"URN", "Date"}, {"School"}, problems);
    if (!problems.empty()) throw calc::InputError(std::move(problems));
    if (rows.size() == 1)
        throw calc::InputError({{file, rows[0].line, "", "no rows: list each converting school as URN,Date"}});

    const SchoolIndex schools(census);
    const std::string range = long_text(year.first()) + " to " + long_text(year.last());
    std::map<std::string, long> seen;
    std::vector<calc::Conversion> out;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const CsvRow& row = rows[i];
        if (row.fields.size() != rows[0].fields.size()) {
            problems.push_back({file, row.line, "", std::to_string(row.fields.size()) + " fields, but the header has " +
                                                        std::to_string(rows[0].fields.size()) +
                                                        " (quote a field with a comma in it: \"£1,234.56\")"});
            continue;
        }
        const std::string urn(c.get(row, "URN"));
        const std::string_view date_text = c.get(row, "Date");
        std::optional<std::size_t> school;
        if (!is_urn_text(urn)) {
            problems.push_back({file, row.line, "URN", "\"" + urn + "\" is not a URN (digits, no leading zero)"});
        } else if (const auto [it, fresh] = seen.emplace(urn, row.line); !fresh) {
            problems.push_back({file, row.line, "URN", "URN " + urn + " given twice (first on line " + std::to_string(it->second) + ")"});
        } else if (!(school = schools.find(urn))) {
            problems.push_back({file, row.line, "URN", "URN " + urn + " is not in the census (" + census.source + ")"});
        } else {
            const calc::School& s = census.schools[*school];
            const std::string who = "URN " + urn + " (" + std::string(s.name.view()) + ")";
            if (s.governance != calc::Governance::maintained) {
                problems.push_back({file, row.line, "URN", who + " is an academy on the census: only a maintained school converts"});
                school.reset();
            } else if (!charged.at(*school)) {
                problems.push_back({file, row.line, "URN",
                                    who + " is charged no de-delegated service (a " + std::string(calc::name_of(s.phase)) +
                                        " school" + (s.exempt.empty() ? "" : ", or exempt") + "): it has no de-delegation to keep or refund"});
                school.reset();
            }
        }
        const std::optional<calc::Day> date = calc::parse_iso_day(date_text);
        if (!date) {
            problems.push_back({file, row.line, "Date", date_problem(date_text)});
        } else if (!year.contains(*date)) {
            problems.push_back({file, row.line, "Date",
                                calc::iso_text(*date) + " is outside the financial year " + year.label() + " (" + range +
                                    ") the schedule is for"});
        }
        if (school && date && year.contains(*date)) out.push_back({*school, *date, row.line});
    }
    if (!problems.empty()) throw calc::InputError(std::move(problems));
    return out;
}

std::vector<calc::Conversion> load_conversions_file(const std::string& path, const calc::Census& census,
                                                    const std::vector<bool>& charged, const calc::FinancialYear& year) {
    return load_conversions(io::read_text_file(path), path, census, charged, year);
}

}  // namespace census
