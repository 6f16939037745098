#include "report/apt_report.hpp"

#include "calc/money_format.hpp"
#include "report/csv_field.hpp"
#include "report/markdown.hpp"

#include <string>

namespace report {

namespace {

std::string pounds(const calc::Money& m) { return calc::format_pounds(m.value, 2); }

std::vector<std::string> columns(const calc::AptRow& r) {
    return {pounds(r.post_mfg), pounds(r.de_delegation), pounds(r.post_de_delegation), pounds(r.education_functions),
            pounds(r.post_de_delegation_and_ef)};
}

void csv_columns(std::ostream& out, const calc::AptRow& r) {
    out << calc::format_plain(r.post_mfg.value, 2) << ',' << calc::format_plain(r.de_delegation.value, 2) << ','
        << calc::format_plain(r.post_de_delegation.value, 2) << ',' << calc::format_plain(r.education_functions.value, 2) << ','
        << calc::format_plain(r.post_de_delegation_and_ef.value, 2) << '\n';
}

std::string tie(const calc::Money& column, const calc::Money& charged) {
    return pounds(column) + " = minus " + pounds(charged) + (column.value == -charged.value ? ": reconciles" : ": DOES NOT reconcile");
}

}  // namespace

void write_apt_markdown(std::ostream& out, const calc::Census& census, const calc::Schedule& schedule, const calc::AptTieOut& t) {
    out << "# APT tie-out: New ISB, " << markdown_text(schedule.authority) << " " << markdown_text(schedule.year) << "\n\n"
        << "Each school's post-MFG budget share less its de-delegation and its education functions, as the DfE Authority "
           "Proforma Tool's New ISB columns show them (deductions negative). Nothing is rounded here: a school's deductions "
           "are the pennies `dedeleg calc` charges it ("
        << calc::rounded_words(schedule.rounding) << ", per school per service), and each column is added exactly.\n\n";
    markdown_heading(out, "URN", {"School", "Post MFG budget", "De-delegation", "Post de-delegation budget", "Education functions",
                                  "Post de-delegation and education functions budget"});
    for (const calc::AptRow& r : t.rows) {
        std::vector<std::string> cells{std::string(census.schools[r.school].name.view())};
        for (std::string& c : columns(r)) cells.push_back(std::move(c));
        markdown_row(out, std::string(census.schools[r.school].urn.view()), cells);
    }
    std::vector<std::string> total{std::to_string(t.rows.size()) + " schools"};
    for (std::string& c : columns(t.total)) total.push_back(std::move(c));
    markdown_row(out, "Total", total);

    out << "\n## Reconciliation with the paper's tables\n\n";
    markdown_heading(out, "Service", {"Kind", "Charged (per-school pennies)"});
    for (const calc::AptServiceTotal& s : t.services) {
        const calc::Service& service = schedule.services.at(s.service);
        markdown_row(out, service.name, {std::string(calc::name_of(service.kind)), pounds(s.charged)});
    }
    out << "\n- De-delegation column: " << tie(t.total.de_delegation, t.de_delegated_charged) << " (the de-delegated services).\n"
        << "- Education functions column: " << tie(t.total.education_functions, t.education_functions_charged)
        << " (the education functions).\n"
        << "- Post de-delegation and education functions budget: " << pounds(t.total.post_mfg) << " − " << pounds({-t.total.de_delegation.value})
        << " − " << pounds({-t.total.education_functions.value}) << " = " << pounds(t.total.post_de_delegation_and_ef) << ".\n";
}

void write_apt_csv(std::ostream& out, const calc::Census& census, const calc::AptTieOut& t) {
    out << "URN,LAESTAB,School,Phase,Governance,Post MFG budget,De-delegation,Post de-delegation budget,Education functions,"
           "Post de-delegation and education functions budget\n";
    for (const calc::AptRow& r : t.rows) {
        const calc::School& s = census.schools[r.school];
        out << csv_field(s.urn.view()) << ',' << csv_field(s.laestab.view()) << ',' << csv_text(s.name.view()) << ','
            << calc::name_of(s.phase) << ',' << calc::name_of(s.governance) << ',';
        csv_columns(out, r);
    }
    out << "TOTAL,,,,,";
    csv_columns(out, t.total);
}

}  // namespace report
