#include "report/compare_report.hpp"

#include "calc/money_format.hpp"
#include "report/csv_field.hpp"
#include "report/markdown.hpp"

namespace report {

void write_compare_csv(std::ostream& out, const calc::Census& census, const calc::Comparison& cmp) {
    out << "URN,LAESTAB,School,Phase,From,To,Change,Change %";
    for (const std::string& id : cmp.service_ids) out << ',' << csv_text(id + " change");
    out << '\n';
    std::vector<calc::Money> by_service(cmp.service_ids.size(), calc::Money{calc::Decimal(0).with_scale(2)});
    for (const calc::SchoolChange& row : cmp.schools) {
        const calc::School& s = census.schools[row.school];
        out << csv_text(s.urn) << ',' << csv_text(s.laestab) << ',' << csv_text(s.name) << ','
            << calc::name_of(s.phase) << ',' << calc::format_plain(row.from.value, 2) << ','
            << calc::format_plain(row.to.value, 2) << ',' << calc::format_plain(row.change.value, 2) << ','
            << (row.percent ? row.percent->to_string() : "");
        for (std::size_t i = 0; i < row.change_by_service.size(); ++i) {
            out << ',' << calc::format_plain(row.change_by_service[i].value, 2);
            by_service[i] += row.change_by_service[i];
        }
        out << '\n';
    }
    out << "TOTAL,,,," << calc::format_plain(cmp.from_total.value, 2) << ',' << calc::format_plain(cmp.to_total.value, 2)
        << ',' << calc::format_plain((cmp.to_total - cmp.from_total).value, 2) << ',';
    for (const calc::Money& m : by_service) out << ',' << calc::format_plain(m.value, 2);
    out << '\n';
}

void write_compare_markdown(std::ostream& out, const calc::Census& census, const calc::Schedule& from,
                            const calc::Schedule& to, const calc::Comparison& cmp) {
    out << "# What each school pays: " << markdown_text(from.year) << " → " << markdown_text(to.year) << " ("
        << markdown_text(to.authority) << ")\n\n";
    out << "| URN | School | Phase | " << markdown_text(from.year) << " | " << markdown_text(to.year) << " | Change | Change % |\n";
    out << "|---|---|---|---:|---:|---:|---:|\n";
    for (const calc::SchoolChange& row : cmp.schools) {
        const calc::School& s = census.schools[row.school];
        out << "| " << s.urn << " | " << markdown_text(s.name) << " | " << calc::name_of(s.phase) << " | "
            << calc::format_pounds(row.from.value, 2) << " | " << calc::format_pounds(row.to.value, 2) << " | "
            << calc::format_pounds(row.change.value, 2, calc::Negative::parentheses) << " | "
            << (row.percent ? row.percent->to_string() + "%" : "—") << " |\n";
    }
    out << "| **Total** | | | " << calc::format_pounds(cmp.from_total.value, 2) << " | "
        << calc::format_pounds(cmp.to_total.value, 2) << " | "
        << calc::format_pounds((cmp.to_total - cmp.from_total).value, 2, calc::Negative::parentheses) << " | |\n";
}

}  // namespace report
