#include "report/paper_parts.hpp"

#include "report/html_text.hpp"
#include "report/paper_history.hpp"

namespace report {

namespace {

void write_decisions(std::ostream& out, const Paper& p) {
    const auto table = decisions_table(p);
    if (!table) {
        out << "<p class=\"small\">No record of last year's decisions was given (--history or --previous).</p>\n";
        return;
    }
    out << "<table class=\"figures decisions\">\n<thead><tr><th>Service</th><th>De-delegation requested "
        << html_text(table->year) << "</th><th>Outcome</th></tr></thead>\n<tbody>\n";
    for (const DecisionRow& row : table->rows)
        out << "<tr><td>" << html_text(row.service) << "</td><td>" << html_text(row.requested) << "</td><td>"
            << html_text(row.outcome) << "</td></tr>\n";
    out << "</tbody>\n</table>\n<p class=\"small\">" << html_text(table->source) << "</p>\n";
}

void write_rate_history(std::ostream& out, const Paper& p) {
    const calc::Schedule& schedule = p.tables.schedule;
    out << "<table class=\"figures rate-history\">\n<thead><tr><th>Service</th><th>Year</th><th>Rates</th><th>Note</th>"
           "<th>From</th></tr></thead>\n";
    std::size_t service = schedule.services.size();
    for (const RateHistoryRow& row : rate_history(p)) {
        if (row.service != service) {
            if (service != schedule.services.size()) out << "</tbody>\n";
            out << "<tbody class=\"service-history\">\n";
            service = row.service;
        }
        const calc::Service& s = schedule.services[row.service];
        out << "<tr><th>" << html_text(s.name) << "</th><td>" << html_text(row.year)
            << (row.option.empty() ? "" : "<br><span class=\"small\">" + html_text(row.option) + "</span>") << "</td><td>"
            << html_text(rates_words(s, row.rates)) << "</td><td>" << html_text(row.note) << "</td><td class=\"small\">"
            << html_text(row.source) << "</td></tr>\n";
    }
    if (service != schedule.services.size()) out << "</tbody>\n";
    out << "</table>\n";
}

}  // namespace

void write_words_tables_html(std::ostream& out, const std::vector<rates::WordsTable>& tables) {
    for (const rates::WordsTable& t : tables) {
        if (!t.heading.empty()) out << "<h4>" << html_text(t.heading) << "</h4>\n";
        out << "<table class=\"figures words\">\n<thead><tr>";
        for (const std::string& c : t.columns) out << "<th>" << html_text(c) << "</th>";
        out << "</tr></thead>\n<tbody>\n";
        for (const std::vector<std::string>& row : t.rows) {
            out << "<tr>";
            for (const std::string& c : row) out << "<td>" << html_text(c) << "</td>";
            out << "</tr>\n";
        }
        out << "</tbody>\n</table>\n";
    }
}

void write_text_section_html(std::ostream& out, const Paper& p, const rates::TextSection& s) {
    out << "<section class=\"text\">\n<h2>" << html_text(s.heading) << "</h2>\n" << html_paragraphs(s.text);
    write_words_tables_html(out, s.tables);
    if (s.generated == rates::Generated::decisions) write_decisions(out, p);
    if (s.generated == rates::Generated::rate_history) write_rate_history(out, p);
    out << "</section>\n";
}

void write_appendices_html(std::ostream& out, const Paper& p) {
    for (const rates::Appendix& a : p.words.appendices) {
        out << "<section class=\"text appendix-words\">\n<h2>" << html_text(a.heading) << "</h2>\n";
        if (!a.service.empty()) {
            const std::vector<AppendixFigure> figures = appendix_figures(p, a.service);
            out << "<table class=\"figures appendix-figures\">\n<thead><tr><th>Figure</th><th>Value</th><th>From</th></tr>"
                   "</thead>\n<tbody>\n";
            for (const AppendixFigure& f : figures)
                out << "<tr><th>" << html_text(f.label) << "</th><td>" << html_text(f.value) << "</td><td class=\"small\">"
                    << html_text(f.source) << "</td></tr>\n";
            out << "</tbody>\n</table>\n";
        }
        for (const rates::TextSection& part : a.parts) {
            if (!part.heading.empty()) out << "<h3>" << html_text(part.heading) << "</h3>\n";
            out << html_paragraphs(part.text);
            write_words_tables_html(out, part.tables);
        }
        out << "</section>\n";
    }
}

}  // namespace report
