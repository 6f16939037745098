#include "report/tables_report.hpp"

#include "calc/money_format.hpp"
#include "model/rate_rules.hpp"
#include "report/csv_field.hpp"
#include "report/markdown.hpp"

#include <nlohmann/json.hpp>

namespace report {

namespace {

using calc::format_pounds;
using calc::format_pounds_exact;

std::string whole(const calc::Decimal& d) { return format_pounds(d, 0); }

std::string precision_words(long long pounds) {
    return pounds == 1 ? "£1" : format_pounds(calc::Decimal(pounds), 0);
}

void write_service_markdown(std::ostream& out, const TablesReport& r, const calc::ServiceTable& t) {
    const calc::Service& service = r.schedule.services[t.service];
    const calc::RateOption& option = service.options[t.option];
    const bool many = t.columns.size() > 1;
    const std::string prev_year = r.previous ? r.previous->year : "";

    out << "### " << markdown_text(service.name);
    if (service.options.size() > 1) out << " — option \"" << markdown_text(option.label) << "\" (`" << option.id << "`)";
    out << "\n\n";
    out << calc::name_of(service.kind) << " · service `" << service.id << "`";
    if (service.options.size() > 1) out << (t.selected ? " · **charged by `calc`**" : " · not charged unless selected");
    out << " · totals shown to the nearest " << precision_words(option.present_to) << "\n\n";

    std::vector<std::string> phases, factors, amounts, totals, exacts, prev_rates, prev_totals;
    bool any_previous = false;
    for (const calc::FactorColumn& c : t.columns) {
        phases.push_back(c.phase_label);
        factors.push_back(std::string(calc::label_of(c.factor)));
        amounts.push_back(calc::format_rate(c.rate.value));
        totals.push_back(whole(c.presented));
        exacts.push_back(format_pounds_exact(c.exact.value));
        prev_rates.push_back(c.previous ? calc::format_rate(c.previous->value) : "—");
        prev_totals.push_back(c.previous_presented ? whole(*c.previous_presented) : "—");
        any_previous = any_previous || c.previous.has_value();
    }
    if (many) {
        phases.push_back("All factors");
        factors.push_back("");
        amounts.push_back("");
        totals.push_back("**" + whole(t.presented_total) + "**");
        exacts.push_back(format_pounds_exact(t.exact_total.value));
        prev_rates.push_back("");
        prev_totals.push_back("");
    }
    markdown_heading(out, r.schedule.year, phases);
    markdown_row(out, "Formula factor", factors);
    markdown_row(out, "Amount", amounts);
    markdown_row(out, "Total", totals);
    markdown_row(out, "Exact total", exacts);
    if (any_previous) {
        markdown_row(out, prev_year + " rate", prev_rates);
        markdown_row(out, prev_year + " total (this census)", prev_totals);
    }
    out << '\n';

    if (many && t.sum_of_presented_columns != t.presented_total)
        out << "- The factor totals, each rounded, add to " << whole(t.sum_of_presented_columns)
            << "; the exact total " << format_pounds_exact(t.exact_total.value) << " rounds to "
            << whole(t.presented_total) << ".\n";
    if (t.range)
        out << "- Per school (" << t.schools_charged << " charged): lowest " << whole(t.range->lowest) << ", median "
            << whole(t.range->median) << ", highest " << whole(t.range->highest) << ".\n";
    else
        out << "- No school is charged.\n";
    out << "- Reconciliation: per-school amounts (rounded " << calc::name_of(r.schedule.rounding)
        << " to the penny) add to " << format_pounds(t.sum_of_rounded.value, 2) << "; exact total "
        << format_pounds_exact(t.exact_total.value) << "; difference "
        << format_pounds_exact(t.rounding_difference().value) << ".\n";
    if (!option.derivation.empty()) out << "- How the rate was set: " << markdown_text(option.derivation) << "\n";
    for (const auto& [factor, rule] : option.derived)
        out << "- " << calc::label_of(factor) << " rate, checked against its rule: " << model::describe(rule, option) << ".\n";
    out << '\n';
}

}  // namespace

void write_tables_markdown(std::ostream& out, const TablesReport& r) {
    out << "# " << r.schedule.authority << " de-delegation and education functions " << r.schedule.year << "\n\n";
    out << "Census: " << r.census.source;
    if (!r.schedule.census_label.empty()) out << " (the schedule's figures use the " << r.schedule.census_label << " census)";
    out << ". Each school's charge for a service is the exact sum of rate × count over its factors, rounded once, "
        << calc::name_of(r.schedule.rounding) << ", to the penny. Academies are never charged.\n\n";
    for (const calc::ServiceTable& t : r.tables) write_service_markdown(out, r, t);

    out << "## Summary of all services\n\n";
    out << "| Service | Kind | Option | Schools charged | Total | Exact total | Per-school pennies |\n";
    out << "|---|---|---|---:|---:|---:|---:|\n";
    calc::ExactAmount exact;
    calc::Money pennies{calc::Decimal(0).with_scale(2)};
    for (const calc::ServiceTable& t : r.tables) {
        if (!t.selected) continue;
        const calc::Service& s = r.schedule.services[t.service];
        out << "| " << markdown_text(s.name) << " | " << calc::name_of(s.kind) << " | " << markdown_text(s.options[t.option].label) << " | "
            << t.schools_charged << " | " << whole(t.presented_total) << " | " << format_pounds_exact(t.exact_total.value)
            << " | " << format_pounds(t.sum_of_rounded.value, 2) << " |\n";
        exact += t.exact_total;
        pennies += t.sum_of_rounded;
    }
    out << "| **All services** | | | | **" << whole(exact.value.round(0, calc::kPresentationRounding)) << "** | "
        << format_pounds_exact(exact.value) << " | " << format_pounds(pennies.value, 2) << " |\n\n";
    out << "Reconciliation: schools are charged " << format_pounds(pennies.value, 2) << " in all; the exact total is "
        << format_pounds_exact(exact.value) << " (difference " << format_pounds_exact(pennies.value - exact.value)
        << ", from rounding each school's charge to the penny).\n";
}

void write_tables_csv(std::ostream& out, const TablesReport& r) {
    out << "service,service_name,option,option_label,selected,phase,factor,rate,previous_rate,exact_total,"
           "presented_total,present_to,schools_charged,sum_of_rounded\n";
    for (const calc::ServiceTable& t : r.tables) {
        const calc::Service& s = r.schedule.services[t.service];
        const calc::RateOption& o = s.options[t.option];
        const std::string head = csv_field(s.id) + ',' + csv_field(s.name) + ',' + csv_field(o.id) + ',' +
                                 csv_field(o.label) + ',' + (t.selected ? "yes" : "no") + ',';
        for (const calc::FactorColumn& c : t.columns)
            out << head << csv_field(c.phase_label) << ',' << calc::code_of(c.factor) << ',' << c.rate.value.to_string()
                << ',' << (c.previous ? c.previous->value.to_string() : "") << ',' << c.exact.value.to_string() << ','
                << c.presented.to_string() << ',' << o.present_to << ",,\n";
        out << head << ",TOTAL,,," << t.exact_total.value.to_string() << ',' << t.presented_total.to_string() << ','
            << o.present_to << ',' << t.schools_charged << ',' << t.sum_of_rounded.value.to_string() << '\n';
    }
}

void write_tables_json(std::ostream& out, const TablesReport& r) {
    using nlohmann::json;
    json services = json::array();
    for (const calc::ServiceTable& t : r.tables) {
        const calc::Service& s = r.schedule.services[t.service];
        const calc::RateOption& o = s.options[t.option];
        json columns = json::array();
        for (const calc::FactorColumn& c : t.columns) {
            json col = {{"phase", c.phase_label},
                        {"factor", calc::code_of(c.factor)},
                        {"label", calc::label_of(c.factor)},
                        {"rate", c.rate.value.to_string()},
                        {"exact_total", c.exact.value.to_string()},
                        {"presented_total", c.presented.to_string()}};
            if (c.previous) col["previous_rate"] = c.previous->value.to_string();
            if (c.previous_exact) col["previous_exact_total"] = c.previous_exact->value.to_string();
            columns.push_back(col);
        }
        json entry = {{"id", s.id},
                      {"name", s.name},
                      {"kind", calc::name_of(s.kind)},
                      {"option", o.id},
                      {"option_label", o.label},
                      {"selected", t.selected},
                      {"present_to", o.present_to},
                      {"columns", columns},
                      {"exact_total", t.exact_total.value.to_string()},
                      {"presented_total", t.presented_total.to_string()},
                      {"sum_of_presented_columns", t.sum_of_presented_columns.to_string()},
                      {"sum_of_rounded", t.sum_of_rounded.value.to_string()},
                      {"rounding_difference", t.rounding_difference().value.to_string()},
                      {"schools_charged", t.schools_charged},
                      {"derivation", o.derivation}};
        for (const auto& [factor, rule] : o.derived)
            entry["derived"][std::string(calc::code_of(factor))] = model::describe(rule, o);
        if (t.range)
            entry["range"] = {{"lowest", t.range->lowest.to_string()},
                              {"median", t.range->median.to_string()},
                              {"highest", t.range->highest.to_string()}};
        services.push_back(entry);
    }
    json doc = {{"authority", r.schedule.authority},
                {"year", r.schedule.year},
                {"census", r.census.source},
                {"rounding", calc::name_of(r.schedule.rounding)},
                {"services", services}};
    if (r.previous) doc["previous_year"] = r.previous->year;
    out << doc.dump(2) << '\n';
}

}  // namespace report
