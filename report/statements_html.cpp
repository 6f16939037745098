// statements.html: what the proposal costs each maintained school, a printed page each.
#include "calc/eligibility.hpp"
#include "calc/money_format.hpp"
#include "report/html_text.hpp"
#include "report/paper.hpp"
#include "report/paper_style.hpp"

namespace report {

namespace {

using calc::format_pounds;

void write_counts(std::ostream& out, const calc::School& s) {
    out << "<table class=\"figures counts\">\n<thead><tr><th>Census</th><th>Count</th></tr></thead>\n<tbody>\n";
    out << "<tr><th>Pupils on roll (NOR)</th><td class=\"num\">" << s.nor << "</td></tr>\n";
    if (s.phase == calc::Phase::special)
        out << "<tr><th>Places</th><td class=\"num\">" << html_text(calc::format_count(s.places)) << "</td></tr>\n";
    for (const calc::FactorRow& row : calc::kFactorTable) {
        if (row.source != calc::CountSource::column || !calc::factor_applies(s.phase, row.factor)) continue;
        out << "<tr><th>" << html_text(row.label) << "</th><td class=\"num\">"
            << (calc::has_count(s, row.factor) ? html_text(calc::format_count(calc::count_of(s, row.factor)))
                                               : html_text(std::string(calc::words_for(s.no_count[calc::index_of(row.factor)]))))
            << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n";
}

void write_statement(std::ostream& out, const Paper& p, const calc::SchoolStatement& st) {
    const TablesReport& r = p.tables;
    const calc::School& s = r.census.schools[st.school];
    const rates::PaperTemplate& w = p.words;
    out << "<section class=\"statement\" id=\"urn-" << html_text(s.urn) << "\">\n";
    out << "<p class=\"authority\">" << html_text(w.authority) << "</p>\n";
    out << "<h2>" << html_text(school_title(s)) << "</h2>\n";
    out << "<p class=\"meta\">" << html_text(std::string(calc::label_of(s.phase))) << " · " << html_text(r.schedule.year)
        << " de-delegation and education functions, as proposed</p>\n";
    if (!w.statement.empty()) out << html_paragraphs(w.statement);
    write_counts(out, s);
    out << "<table class=\"figures working\">\n<thead><tr><th>Service</th><th>Formula factor</th><th>Count</th><th>Rate</th>"
           "<th>Amount</th></tr></thead>\n<tbody>\n";
    for (const calc::StatementLine& l : st.lines) {
        if (!l.charged_now) {
            out << "<tr><th>" << html_text(l.service_name) << "</th><td colspan=\"3\">not charged in " << html_text(r.schedule.year)
                << "</td><td class=\"num\">" << format_pounds(l.proposal.value, 2) << "</td></tr>\n";
            continue;
        }
        bool first = true;
        for (const calc::FactorCharge& f : l.factors) {
            out << "<tr>" << (first ? "<th rowspan=\"" + std::to_string(l.factors.size() + 1) + "\">" + html_text(l.service_name) + "</th>" : "")
                << "<td>" << html_text(std::string(calc::label_of(f.factor))) << "</td><td class=\"num\">"
                << html_text(calc::format_count(f.count.value)) << "</td><td class=\"num\">× "
                << html_text(calc::format_rate(f.rate.value)) << "</td><td class=\"num\">= "
                << html_text(calc::format_pounds_exact(f.amount.value)) << "</td></tr>\n";
            first = false;
        }
        out << "<tr class=\"total\">" << (first ? "<th>" + html_text(l.service_name) + "</th>" : "")
            << "<td colspan=\"3\">charged (" << html_text(calc::rounded_words(r.schedule.rounding))
            << ")</td><td class=\"num strong\">" << format_pounds(l.proposal.value, 2) << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n";
    out << "<table class=\"figures totals\">\n<tbody>\n<tr class=\"total\"><th>Total " << html_text(r.schedule.year)
        << "</th><td class=\"num strong\">" << format_pounds(st.proposal_total.value, 2) << "</td></tr>\n";
    if (p.has_previous)
        out << "<tr><th>Total " << html_text(r.previous->year) << " (its rates on this census)</th><td class=\"num\">"
            << format_pounds(st.baseline_total.value, 2) << "</td></tr>\n<tr><th>Change</th><td class=\"num\">"
            << format_pounds(st.change().value, 2, calc::Negative::parentheses) << "</td></tr>\n";
    out << "</tbody>\n</table>\n";
    if (!w.closing_date.empty()) out << "<p>Responses by " << html_text(w.closing_date) << ".</p>\n";
    if (!w.contact.empty()) out << "<p>Questions: " << html_text(w.contact) << ".</p>\n";
    out << "</section>\n";
}

}  // namespace

void write_statements_html(std::ostream& out, const Paper& p) {
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << html_text(p.words.title)
        << ": school statements</title>\n<style>\n" << paper_css() << "</style>\n</head>\n<body>\n";
    for (const calc::SchoolStatement& st : p.statements) write_statement(out, p, st);
    out << "</body>\n</html>\n";
}

}  // namespace report
