// paper.html: the consultation as one printable, self-contained HTML file.
#include "calc/money_format.hpp"
#include "report/forecast_chart.hpp"
#include "report/html_text.hpp"
#include "report/option_words.hpp"
#include "report/paper.hpp"
#include "report/paper_parts.hpp"
#include "report/paper_style.hpp"
#include "report/spread_chart.hpp"

#include <sstream>

namespace report {

namespace {

using calc::format_pounds;
using calc::format_pounds_exact;

std::string whole(const calc::Decimal& d) { return format_pounds(d, 0); }

void cell(std::ostream& out, const std::string& text, const char* cls = nullptr) {
    out << "<td" << (cls ? std::string(" class=\"") + cls + "\"" : "") << ">" << html_text(text) << "</td>";
}

// One option of a service as the paper's table: a column per phase and factor,
// rows for the rate, the total as presented, the exact total and last year's.
void write_option_table(std::ostream& out, const Paper& p, const calc::ServiceTable& t) {
    const TablesReport& r = p.tables;
    const calc::Service& service = r.schedule.services[t.service];
    const calc::RateOption& option = service.options[t.option];
    const bool many = t.columns.size() > 1;
    bool any_previous = false;
    for (const calc::FactorColumn& c : t.columns) any_previous = any_previous || c.previous.has_value();

    out << "<div class=\"option\">\n";
    if (service.options.size() > 1) {
        const std::string tag = option_tag(service, t.option);
        out << "<h4>Option: " << html_text(option.label)
            << (tag.empty() ? "" : " <span class=\"tag\">" + html_text(tag) + "</span>") << "</h4>\n";
    }
    // A row per phase and factor (the consultation's columns, turned so any number fits the page).
    const bool previous_columns = any_previous && r.previous;
    out << "<table class=\"figures\">\n<thead><tr><th>" << html_text(r.schedule.year) << "</th><th>Formula factor</th>"
        << "<th>Amount</th><th>Total</th><th>Exact total</th>";
    if (previous_columns)
        out << "<th>" << html_text(r.previous->year) << " rate</th><th>" << html_text(r.previous->year)
            << " total (this census)</th>";
    out << "</tr></thead>\n<tbody>\n";
    const bool phase_totals = t.phases.size() > 1;
    for (const calc::PhaseTotal& ph : t.phases) {
        std::size_t columns = 0;
        for (const calc::FactorColumn& c : t.columns) {
            if (c.phase != ph.phase) continue;
            ++columns;
            out << "<tr><th>" << html_text(c.phase_label) << "</th>";
            cell(out, std::string(calc::label_of(c.factor)));
            cell(out, calc::format_rate(c.rate.value), "num");
            cell(out, whole(c.presented), "num");
            cell(out, format_pounds_exact(c.exact.value), "num exact");
            if (previous_columns) {
                cell(out, c.previous ? calc::format_rate(c.previous->value) : "—", "num previous");
                cell(out, c.previous_presented ? whole(*c.previous_presented) : "—", "num previous");
            }
            out << "</tr>\n";
        }
        if (phase_totals && columns > 1) {
            out << "<tr class=\"subtotal\"><th>" << html_text(std::string(calc::label_of(ph.phase))) << " total</th>";
            cell(out, "");
            cell(out, "");
            cell(out, whole(ph.presented), "num");
            cell(out, format_pounds_exact(ph.exact.value), "num exact");
            if (previous_columns) cell(out, ""), cell(out, "");
            out << "</tr>\n";
        }
    }
    if (many) {
        out << "<tr class=\"total\"><th>All factors</th>";
        cell(out, "");
        cell(out, "");
        cell(out, whole(t.presented_total), "num strong");
        cell(out, format_pounds_exact(t.exact_total.value), "num exact");
        if (previous_columns) cell(out, ""), cell(out, "");
        out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n";
    out << "<p class=\"small\">Totals to the nearest " << html_text(presentation_words(option.present_to)) << ".</p>\n";
    out << "<ul class=\"notes\">\n";
    for (const std::string& note : service_notes(r, t)) out << "<li>" << html_text(note) << "</li>\n";
    out << "</ul>\n</div>\n";
}

void write_ledger_table(std::ostream& out, const ForecastReport& f) {
    out << "<h4>" << html_text(f.service_name) << ": budget, spend and outturn</h4>\n";
    out << "<table class=\"figures ledger\">\n<thead><tr><th>Year</th><th>Rate</th><th>Applicable pupils</th><th>Budget</th>"
           "<th>Spend</th><th>Outturn</th><th>Balance carried forward</th></tr></thead>\n<tbody>\n";
    const auto row = [&](const model::LedgerRow& r, bool projected) {
        out << "<tr" << (projected ? " class=\"projected\"" : "") << ">";
        cell(out, r.input.year + (projected ? " (projected)" : r.input.forecast ? " (forecast)" : ""));
        cell(out, calc::format_rate(r.input.rate.value), "num");
        cell(out, calc::format_count(calc::Decimal(r.input.pupils)), "num");
        cell(out, whole(r.budget), "num");
        cell(out, whole(r.input.spend), "num");
        cell(out, format_pounds(r.outturn, 0, calc::Negative::parentheses), "num");
        cell(out, format_pounds(r.balance, 0, calc::Negative::parentheses), "num");
        out << "</tr>\n";
    };
    for (const model::LedgerRow& r : f.projection.history) row(r, false);
    for (const model::LedgerRow& r : f.projection.projected) row(r, true);
    out << "</tbody>\n</table>\n<p class=\"small\">Budget = rate × applicable pupils, to the pound; outturn = budget − spend "
           "(a shortfall in brackets); the balance carries surpluses and deficits forward. Projected years: spend grows "
           "with the pay award and demand assumed in the ledger.";
    if (f.projection.first_shortfall) out << " First projected shortfall: " << html_text(*f.projection.first_shortfall) << ".";
    out << "</p>\n<figure class=\"chart\">";
    write_forecast_svg(out, f);
    out << "<figcaption>" << html_text(f.service_name) << ": budget and spend by year; outturn below.</figcaption></figure>\n";
}

// Every charge of one service option, for its spread chart.
std::vector<calc::Decimal> charges_of(const Paper& p, const calc::ServiceTable& t) {
    std::vector<calc::Decimal> out;
    const std::string& id = p.tables.schedule.services[t.service].id;
    for (const calc::SchoolStatement& s : p.statements)
        for (const calc::StatementLine& l : s.lines)
            if (l.service_id == id && l.charged_now) out.push_back(l.proposal.value);
    return out;
}

void write_service(std::ostream& out, const Paper& p, std::size_t number, std::size_t service_index) {
    const TablesReport& r = p.tables;
    const calc::Service& service = r.schedule.services[service_index];
    out << "<section class=\"service\" id=\"service-" << html_text(service.id) << "\">\n";
    out << "<h3>" << number << ". " << html_text(service.name) << "</h3>\n";
    out << "<p class=\"kind\">" << (service.kind == calc::ServiceKind::de_delegated ? "De-delegated service" : "Education function")
        << " · phases: ";
    for (std::size_t i = 0; i < service.phases.size(); ++i)
        out << (i ? ", " : "") << html_text(std::string(calc::label_of(service.phases[i])));
    out << "</p>\n";
    if (const rates::ServiceText* text = p.words.text_for(service.id)) {
        out << html_paragraphs(text->text);
        write_words_tables_html(out, text->tables);
    }
    if (service.options.size() > 1) {  // the options side by side, as the Forum votes between them
        out << "<table class=\"figures compare\">\n<thead><tr><th>Option</th><th>Phase</th><th>Formula factor</th>"
               "<th>Amount</th><th>Total</th></tr></thead>\n<tbody>\n";
        for (const calc::ServiceTable& t : r.tables) {
            if (t.service != service_index) continue;
            for (const calc::FactorColumn& c : t.columns) {
                const std::string tag = option_tag(service, t.option);
                out << "<tr><th>" << html_text(service.options[t.option].label + (tag.empty() ? "" : " (" + tag + ")")) << "</th>";
                cell(out, c.phase_label);
                cell(out, std::string(calc::label_of(c.factor)));
                cell(out, calc::format_rate(c.rate.value), "num");
                cell(out, whole(c.presented), "num");
                out << "</tr>\n";
            }
        }
        out << "</tbody>\n</table>\n<p class=\"choice\">" << html_text(choice_sentence(service)) << "</p>\n";
    }
    out << "<div class=\"options\">\n";
    const calc::ServiceTable* selected = nullptr;
    for (const calc::ServiceTable& t : r.tables) {
        if (t.service != service_index) continue;
        write_option_table(out, p, t);
        if (t.selected) selected = &t;
    }
    out << "</div>\n";
    if (selected) {
        const auto charges = charges_of(p, *selected);
        if (!charges.empty() && selected->range) {
            out << "<figure class=\"chart spread\">";
            write_spread_svg(out, charges, *selected->range);
            out << "<figcaption>Each maintained school's charge for " << html_text(service.name) << " ("
                << charges.size() << " schools), lowest to highest.</figcaption></figure>\n";
        }
    }
    for (const auto& [id, f] : p.forecasts)
        if (id == service.id) write_ledger_table(out, f);
    out << "</section>\n";
}

void write_summary(std::ostream& out, const Paper& p) {
    const TablesReport& r = p.tables;
    out << "<section class=\"summary\">\n<h2>Summary of all services</h2>\n";
    out << "<table class=\"figures\">\n<thead><tr><th>Service</th><th>Kind</th><th>Option</th><th>Schools charged</th>"
           "<th>Total</th><th>Exact total</th><th>Per-school pennies</th></tr></thead>\n<tbody>\n";
    for (const calc::ServiceTable& t : r.tables) {
        if (!t.selected) continue;
        const calc::Service& s = r.schedule.services[t.service];
        out << "<tr>";
        cell(out, s.name);
        cell(out, std::string(calc::name_of(s.kind)));
        cell(out, s.options[t.option].label + (s.forum_choice() ? " (the Forum's choice)" : ""));
        cell(out, std::to_string(t.schools_charged), "num");
        cell(out, whole(t.presented_total), "num");
        cell(out, format_pounds_exact(t.exact_total.value), "num");
        cell(out, format_pounds(t.sum_of_rounded.value, 2), "num");
        out << "</tr>\n";
    }
    const calc::TablesSummary& sum = r.summary;
    out << "<tr class=\"total\"><th>All services</th>";
    cell(out, "");
    cell(out, "");
    cell(out, std::to_string(sum.schools_charged), "num");
    cell(out, whole(sum.presented_total), "num strong");
    cell(out, format_pounds_exact(sum.exact_total.value), "num");
    cell(out, format_pounds(sum.sum_of_rounded.value, 2), "num");
    out << "</tr>\n";
    // The Forum's other choices: the same total with one service under another option.
    for (const calc::AlternativeTotal& a : calc::alternative_totals(r.tables, sum)) {
        const calc::Service& s = r.schedule.services[a.service];
        out << "<tr class=\"alternative\"><th>All services, with " << html_text(option_in_total(s, a.option)) << "</th>";
        cell(out, "");
        cell(out, "");
        cell(out, "");
        cell(out, whole(a.presented_total), "num");
        cell(out, format_pounds_exact(a.exact_total.value), "num");
        cell(out, format_pounds(a.sum_of_rounded.value, 2), "num");
        out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n<ul class=\"notes\">\n";
    if (const std::string includes = options_included(r.schedule); !includes.empty()) out << "<li>" << html_text("The total for all services includes " + includes + ".") << "</li>\n";
    if (sum.sum_of_presented_services != sum.presented_total)
        out << "<li>" << html_text("The services' totals, each as presented, add to " + whole(sum.sum_of_presented_services) +
                                   "; the exact total over every service " + format_pounds_exact(sum.exact_total.value) +
                                   " rounds to " + whole(sum.presented_total) + ".")
            << "</li>\n";
    if (sum.range)
        out << "<li>" << html_text("Per school, every service together (" + std::to_string(sum.schools_charged) +
                                   " charged): lowest " + whole(sum.range->lowest) + ", median " + whole(sum.range->median) +
                                   ", highest " + whole(sum.range->highest) + ".")
            << "</li>\n";
    out << "<li>" << html_text(summary_reconciliation(sum)) << "</li>\n</ul>\n</section>\n";
}

// The appendix's columns: this year's services in schedule order, then any
// service charged last year only, so each school's row adds to its totals.
std::vector<std::pair<std::string, std::string>> appendix_services(const Paper& p) {
    std::vector<std::pair<std::string, std::string>> ids;
    const auto add = [&](const std::string& id, const std::string& name) {
        for (const auto& [known, _] : ids)
            if (known == id) return;
        ids.emplace_back(id, name);
    };
    for (const calc::Service& s : p.tables.schedule.services) add(s.id, s.name);
    for (const calc::SchoolStatement& s : p.statements)
        for (const calc::StatementLine& l : s.lines) add(l.service_id, l.service_name);
    return ids;
}

// One school's figure for a service: this year's charge, last year's, or the change.
enum class AppendixRow { proposal, baseline, change };

// The appendix's figures are in pounds without the sign: eleven columns must fit A4.
std::string without_pound_sign(std::string text) {
    if (const std::size_t at = text.find("£"); at != std::string::npos) text.erase(at, std::string_view("£").size());
    return text;
}

std::string appendix_figure(const calc::SchoolStatement& s, const std::string& id, AppendixRow row) {
    for (const calc::StatementLine& l : s.lines) {
        if (l.service_id != id) continue;
        switch (row) {
            case AppendixRow::proposal:
                if (l.charged_now) return without_pound_sign(format_pounds(l.proposal.value, 2));
                break;
            case AppendixRow::baseline:
                if (l.charged_before) return without_pound_sign(format_pounds(l.baseline.value, 2));
                break;
            case AppendixRow::change:
                if (l.charged_now || l.charged_before)
                    return without_pound_sign(format_pounds(l.change().value, 2, calc::Negative::parentheses));
                break;
        }
    }
    return "—";
}

// Every maintained school, a column per service. With last year's schedule
// each school takes three rows (this year, last year, change), kept together
// on a page; without it, one row.
void write_appendix(std::ostream& out, const Paper& p) {
    const TablesReport& r = p.tables;
    const auto services = appendix_services(p);
    out << "<section class=\"appendix\">\n<h2>Appendix: each maintained school's contribution</h2>\n";
    out << "<p>" << html_text(calc::charge_sentence(r.schedule.rounding)) << " Academies are never charged. Figures in £.";
    if (p.has_previous)
        out << html_text(" Each school shows " + r.schedule.year + " (proposed), " + r.previous->year +
                         " (last year's rates on the same census) and the change; — where a service is not charged.");
    if (const std::string includes = options_included(r.schedule); !includes.empty())
        out << html_text(" " + r.schedule.year + " includes " + includes + ".");
    out << "</p>\n<table class=\"figures schools\">\n<thead><tr><th>School (URN, phase)</th>";
    if (p.has_previous) out << "<th>Year</th>";
    for (const auto& [_, name] : services) out << "<th>" << html_text(name) << "</th>";
    out << "<th>Total</th></tr></thead>\n";
    const std::vector<std::pair<AppendixRow, std::string>> rows =
        p.has_previous ? std::vector<std::pair<AppendixRow, std::string>>{{AppendixRow::proposal, r.schedule.year},
                                                                          {AppendixRow::baseline, r.previous->year},
                                                                          {AppendixRow::change, "Change"}}
                       : std::vector<std::pair<AppendixRow, std::string>>{{AppendixRow::proposal, r.schedule.year}};
    for (const calc::SchoolStatement& s : p.statements) {
        const calc::School& school = r.census.schools[s.school];
        out << "<tbody class=\"school\">\n";
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto& [row, label] = rows[i];
            out << (row == AppendixRow::change ? "<tr class=\"change\">" : "<tr>");
            if (i == 0) {
                const std::string span = rows.size() > 1 ? " rowspan=\"" + std::to_string(rows.size()) + "\"" : "";
                out << "<td" << span << ">" << html_text(school.name) << "<br><span class=\"small\">" << html_text(school.urn)
                    << ", " << html_text(std::string(calc::label_of(school.phase))) << "</span></td>";
            }
            if (p.has_previous) cell(out, label, "year");
            for (const auto& [id, _] : services) cell(out, appendix_figure(s, id, row), "num");
            const calc::Money total = row == AppendixRow::proposal   ? s.proposal_total
                                      : row == AppendixRow::baseline ? s.baseline_total
                                                                     : s.change();
            cell(out, without_pound_sign(format_pounds(total.value, 2, calc::Negative::parentheses)), "num strong");
            out << "</tr>\n";
        }
        out << "</tbody>\n";
    }
    out << "</table>\n</section>\n";
}

}  // namespace

std::string school_title(const calc::School& school) { return school.name + " (URN " + school.urn + ")"; }

void write_paper_html(std::ostream& out, const Paper& p) {
    const rates::PaperTemplate& w = p.words;
    const TablesReport& r = p.tables;
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << html_text(w.title)
        << "</title>\n<style>\n" << paper_css() << "</style>\n</head>\n<body>\n";
    out << "<header class=\"cover\">\n<p class=\"authority\">" << html_text(w.authority) << "</p>\n<h1>" << html_text(w.title)
        << "</h1>\n<p class=\"meta\">";
    if (!w.version.empty()) out << html_text(w.version);
    if (!w.version.empty() && !w.date.empty()) out << " · ";
    if (!w.date.empty()) out << html_text(w.date);
    out << "</p>\n";
    if (!w.closing_date.empty()) out << "<p class=\"meta\">Responses by " << html_text(w.closing_date) << "</p>\n";
    if (!w.contact.empty()) out << "<p class=\"meta\">Contact: " << html_text(w.contact) << "</p>\n";
    out << "<p class=\"meta small\">Figures: the " << html_text(r.schedule.year) << " rate schedule on the census "
        << html_text(r.census.source);
    if (!r.schedule.census_label.empty()) out << " (" << html_text(r.schedule.census_label) << ")";
    out << ". " << html_text(calc::charge_sentence(r.schedule.rounding))
        << "</p>\n</header>\n";
    for (const rates::TextSection& s : w.before) write_text_section_html(out, p, s);
    out << "<h2 class=\"services-heading\">" << html_text(w.services_heading) << "</h2>\n";
    for (std::size_t i = 0; i < r.schedule.services.size(); ++i) write_service(out, p, i + 1, i);
    write_summary(out, p);
    for (const rates::TextSection& s : w.after) write_text_section_html(out, p, s);
    write_appendices_html(out, p);
    write_appendix(out, p);
    out << "<footer>";
    if (!w.contact.empty()) out << "<p>Questions: " << html_text(w.contact) << "</p>";
    out << "<p class=\"small\">Made with dedeleg from the inputs named above; every figure is rate × count from the census.</p>"
        << "</footer>\n</body>\n</html>\n";
}

}  // namespace report
