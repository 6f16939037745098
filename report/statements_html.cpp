// statements.html: what the proposal costs each maintained school, a printed page each.
#include "calc/eligibility.hpp"
#include "calc/money_format.hpp"
#include "report/html_text.hpp"
#include "report/option_words.hpp"
#include "report/paper.hpp"
#include "report/paper_style.hpp"

#include <string>
#include <utility>
#include <vector>

namespace report {

namespace {

using calc::format_pounds;

// The school's census counts, two to a row so a statement fits one page.
void write_counts(std::ostream& out, const calc::School& s) {
    std::vector<std::pair<std::string, std::string>> counts = {{"Pupils on roll (NOR)", std::to_string(s.nor)}};
    if (s.phase == calc::Phase::special) counts.push_back({"Places", calc::format_count(s.places())});
    for (const calc::FactorRow& row : calc::kFactorTable) {
        if (row.source != calc::CountSource::column || !calc::factor_applies(s.phase, row.factor)) continue;
        counts.push_back({std::string(row.label), calc::has_count(s, row.factor)
                                                      ? calc::format_count(calc::count_of(s, row.factor))
                                                      : std::string(calc::words_for(s.no_count[calc::index_of(row.factor)]))});
    }
    out << "<table class=\"figures counts\">\n<thead><tr><th colspan=\"4\">Census counts</th></tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < counts.size(); i += 2) {
        out << "<tr><th>" << html_text(counts[i].first) << "</th><td class=\"num\">" << html_text(counts[i].second) << "</td>";
        if (i + 1 < counts.size())
            out << "<th>" << html_text(counts[i + 1].first) << "</th><td class=\"num\">" << html_text(counts[i + 1].second)
                << "</td>";
        else
            out << "<th></th><td></td>";
        out << "</tr>\n";
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
            out << "<tr><th>" << html_text(l.service_name) << "</th><td colspan=\"3\">not charged in " << html_text(r.schedule.year);
            if (p.has_previous && l.charged_before)
                out << " (" << html_text(r.previous->year) << ": " << format_pounds(l.baseline.value, 2) << ")";
            out << "</td><td class=\"num\">" << format_pounds(l.proposal.value, 2) << "</td></tr>\n";
            continue;
        }
        // A service with several options names the one shown, under its name (no extra line on the page).
        std::string name = html_text(l.service_name);
        if (const calc::Service* svc = r.schedule.find(l.service_id); svc && svc->options.size() > 1) {
            const std::string tag = option_tag(*svc, svc->selected);
            name += "<br><span class=\"small\">" +
                    html_text(svc->options[svc->selected].label + (svc->forum_choice() ? " (the Forum's choice)" : tag.empty() ? "" : " (" + tag + ")")) +
                    "</span>";
        }
        bool first = true;
        for (const calc::FactorCharge& f : l.factors) {
            out << "<tr>" << (first ? "<th rowspan=\"" + std::to_string(l.factors.size() + 1) + "\">" + name + "</th>" : "")
                << "<td>" << html_text(std::string(calc::label_of(f.factor))) << "</td><td class=\"num\">"
                << html_text(calc::format_count(f.count.value)) << "</td><td class=\"num\">× "
                << html_text(calc::format_rate(f.rate.value)) << "</td><td class=\"num\">= "
                << html_text(calc::format_pounds_exact(f.amount.value)) << "</td></tr>\n";
            first = false;
        }
        out << "<tr class=\"total\">" << (first ? "<th>" + name + "</th>" : "")
            << "<td colspan=\"3\">charged (" << html_text(calc::rounded_words(r.schedule.rounding)) << ")";
        if (p.has_previous)
            out << "; " << html_text(r.previous->year) << ": "
                << (l.charged_before ? format_pounds(l.baseline.value, 2) : std::string("not charged"));
        out << "</td><td class=\"num strong\">" << format_pounds(l.proposal.value, 2) << "</td></tr>\n";
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
