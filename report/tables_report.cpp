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

// The budget-first working: "£270,700 ÷ 300 pupils (schools charged) = £902.3333… → £902.334 (rounded up
// to 3 places); the schools' charges, each rounded half_up to the penny, add to £270,700.20, £0.20 above the
// budget" — and, when the first rate's pennies fell short, the rule that raised it and by how much.
std::string budget_text(const calc::BudgetWorking& w) {
    const std::string units(calc::row_of(w.basis).units);
    std::string text = format_pounds_exact(w.budget) + " ÷ " + calc::format_count(w.base) + " " + units +
                       (w.phase ? " (" + std::string(calc::name_of(*w.phase)) + " schools charged)" : " (schools charged)") +
                       " = ";
    if (w.base.is_zero())
        return text + "no count to spread it over: rate £0, no school charged" +
               (w.unmet() ? " (refused: the budget cannot be met)" : "");
    const std::string charges = "the schools' charges, each " + calc::rounded_words(w.charges_rounded) + ",";
    text += model::quotient_text(w.budget, w.base, w.places + 2) + " → " + calc::format_pounds(w.first_rate, w.places) +
            " (rounded " + std::string(calc::name_of(w.round)) + " to " + std::to_string(w.places) + " places)";
    if (w.raised_to_meet())
        text += ", at which " + charges + " would add to " + format_pounds(w.first_charged.value, 2) + ", short of the budget; so " +
                calc::format_pounds(w.rate, w.places) + ", the lowest rate to " + std::to_string(w.places) +
                " places whose charges meet the budget: they add to ";
    else
        text += "; " + charges + " add to ";
    const calc::Decimal diff = w.difference();
    text += format_pounds(w.charged.value, 2);
    if (diff.is_zero()) return text + ", the budget exactly";
    return text + ", " + format_pounds_exact(diff) + " above the budget";
}

// Notes wherever presented figures do not add to the presented total beside them.
std::vector<std::string> table_notes(const calc::ServiceTable& t) {
    std::vector<std::string> notes;
    if (t.columns.size() > 1 && t.sum_of_presented_columns != t.presented_total)
        notes.push_back("The factor totals, each rounded, add to " + whole(t.sum_of_presented_columns) + "; the exact total " +
                        format_pounds_exact(t.exact_total.value) + " rounds to " + whole(t.presented_total) + ".");
    const bool phase_totals = t.phases.size() > 1;
    for (const calc::PhaseTotal& p : t.phases) {
        std::size_t columns = 0;
        for (const calc::FactorColumn& c : t.columns) columns += c.phase == p.phase;
        if (phase_totals && columns > 1 && p.sum_of_presented_columns != p.presented)
            notes.push_back("The " + std::string(calc::label_of(p.phase)) + " factor totals, each rounded, add to " +
                            whole(p.sum_of_presented_columns) + "; the exact " + std::string(calc::label_of(p.phase)) +
                            " total " + format_pounds_exact(p.exact.value) + " rounds to " + whole(p.presented) + ".");
    }
    if (phase_totals && t.sum_of_presented_phases != t.presented_total)
        notes.push_back("The phase totals, each rounded, add to " + whole(t.sum_of_presented_phases) + "; the exact total " +
                        format_pounds_exact(t.exact_total.value) + " rounds to " + whole(t.presented_total) + ".");
    return notes;
}

std::string summary_note(const calc::TablesSummary& s) {
    if (s.sum_of_presented_services == s.presented_total) return {};
    return "The services' totals, each as presented, add to " + whole(s.sum_of_presented_services) +
           "; the exact total over every service " + format_pounds_exact(s.exact_total.value) + " rounds to " +
           whole(s.presented_total) + ".";
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
    auto blank_cell = [&](const std::string& heading, const std::string& factor, const std::string& total,
                          const std::string& exact) {
        phases.push_back(heading);
        factors.push_back(factor);
        amounts.push_back("");
        totals.push_back(total);
        exacts.push_back(exact);
        prev_rates.push_back("");
        prev_totals.push_back("");
    };
    const bool phase_totals = t.phases.size() > 1;
    for (const calc::PhaseTotal& p : t.phases) {
        std::size_t columns = 0;
        for (const calc::FactorColumn& c : t.columns) {
            if (c.phase != p.phase) continue;
            ++columns;
            phases.push_back(c.phase_label);
            factors.push_back(std::string(calc::label_of(c.factor)));
            amounts.push_back(calc::format_rate(c.rate.value));
            totals.push_back(whole(c.presented));
            exacts.push_back(format_pounds_exact(c.exact.value));
            prev_rates.push_back(c.previous ? calc::format_rate(c.previous->value) : "—");
            prev_totals.push_back(c.previous_presented ? whole(*c.previous_presented) : "—");
            any_previous = any_previous || c.previous.has_value();
        }
        // A phase's total beside its columns, where it has more than one.
        if (phase_totals && columns > 1)
            blank_cell(std::string(calc::label_of(p.phase)) + " total", "", whole(p.presented), format_pounds_exact(p.exact.value));
    }
    if (many) blank_cell("All factors", "", "**" + whole(t.presented_total) + "**", format_pounds_exact(t.exact_total.value));
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

    for (const std::string& note : service_notes(r, t)) out << "- " << note << "\n";
    out << '\n';
}

}  // namespace

std::vector<std::string> service_notes(const TablesReport& r, const calc::ServiceTable& t) {
    const calc::RateOption& option = r.schedule.services[t.service].options[t.option];
    std::vector<std::string> notes = table_notes(t);
    if (t.phases.size() > 1)
        for (const calc::PhaseTotal& p : t.phases)
            notes.push_back(std::string(calc::label_of(p.phase)) + " (" + std::to_string(p.schools_charged) +
                            " charged): " + whole(p.presented) + "; exact " + format_pounds_exact(p.exact.value) +
                            "; per-school pennies " + format_pounds(p.sum_of_rounded.value, 2) + ".");
    for (const calc::BudgetWorking& w : t.budgets) notes.push_back("Budget-first rate: " + budget_text(w) + ".");
    if (t.range)
        notes.push_back("Per school (" + std::to_string(t.schools_charged) + " charged): lowest " + whole(t.range->lowest) +
                        ", median " + whole(t.range->median) + ", highest " + whole(t.range->highest) + ".");
    else
        notes.push_back("No school is charged.");
    notes.push_back("Reconciliation: per-school amounts (" + calc::rounded_words(r.schedule.rounding) + ") add to " +
                    format_pounds(t.sum_of_rounded.value, 2) + "; exact total " + format_pounds_exact(t.exact_total.value) +
                    "; difference " + format_pounds_exact(t.rounding_difference().value) + ".");
    if (!option.derivation.empty()) notes.push_back("How the rate was set: " + option.derivation);
    for (const auto& [factor, rule] : option.derived)
        notes.push_back(std::string(calc::label_of(factor)) + " rate, checked against its rule: " +
                        model::describe(rule, option) + ".");
    return notes;
}

std::string summary_reconciliation(const calc::TablesSummary& sum) {
    return "Reconciliation: schools are charged " + format_pounds(sum.sum_of_rounded.value, 2) + " in all; the exact total is " +
           format_pounds_exact(sum.exact_total.value) + " (difference " +
           format_pounds_exact(sum.sum_of_rounded.value - sum.exact_total.value) +
           ", from rounding each school's charge to the penny).";
}

std::string presentation_words(long long pounds) { return precision_words(pounds); }

void write_tables_markdown(std::ostream& out, const TablesReport& r) {
    out << "# " << r.schedule.authority << " de-delegation and education functions " << r.schedule.year << "\n\n";
    out << "Census: " << r.census.source;
    if (!r.schedule.census_label.empty()) out << " (the schedule's figures use the " << r.schedule.census_label << " census)";
    out << ". " << calc::charge_sentence(r.schedule.rounding) << " Academies are never charged.\n\n";
    for (const calc::ServiceTable& t : r.tables) write_service_markdown(out, r, t);

    out << "## Summary of all services\n\n";
    out << "| Service | Kind | Option | Schools charged | Total | Exact total | Per-school pennies |\n";
    out << "|---|---|---|---:|---:|---:|---:|\n";
    for (const calc::ServiceTable& t : r.tables) {
        if (!t.selected) continue;
        const calc::Service& s = r.schedule.services[t.service];
        out << "| " << markdown_text(s.name) << " | " << calc::name_of(s.kind) << " | " << markdown_text(s.options[t.option].label) << " | "
            << t.schools_charged << " | " << whole(t.presented_total) << " | " << format_pounds_exact(t.exact_total.value)
            << " | " << format_pounds(t.sum_of_rounded.value, 2) << " |\n";
    }
    const calc::TablesSummary& sum = r.summary;
    out << "| **All services** | | | " << sum.schools_charged << " | **" << whole(sum.presented_total) << "** | "
        << format_pounds_exact(sum.exact_total.value) << " | " << format_pounds(sum.sum_of_rounded.value, 2) << " |\n\n";
    if (const std::string note = summary_note(sum); !note.empty()) out << "- " << note << "\n";
    if (sum.range)
        out << "- Per school, every service together (" << sum.schools_charged << " charged): lowest " << whole(sum.range->lowest)
            << ", median " << whole(sum.range->median) << ", highest " << whole(sum.range->highest) << ".\n";
    out << "- " << summary_reconciliation(sum) << "\n";
}

namespace {

std::string joined(const std::vector<std::string>& notes) {
    std::string out;
    for (const std::string& n : notes) out += (out.empty() ? "" : " ") + n;
    return out;
}

std::string range_cells(const std::optional<calc::PoundRange>& range) {
    if (!range) return ",,";
    return range->lowest.to_string() + ',' + range->median.to_string() + ',' + range->highest.to_string();
}

}  // namespace

void write_tables_csv(std::ostream& out, const TablesReport& r) {
    out << "service,service_name,option,option_label,selected,phase,factor,rate,previous_rate,exact_total,"
           "presented_total,present_to,schools_charged,sum_of_rounded,lowest,median,highest,note\n";
    for (const calc::ServiceTable& t : r.tables) {
        const calc::Service& s = r.schedule.services[t.service];
        const calc::RateOption& o = s.options[t.option];
        const std::string head = csv_text(s.id) + ',' + csv_text(s.name) + ',' + csv_text(o.id) + ',' +
                                 csv_text(o.label) + ',' + (t.selected ? "yes" : "no") + ',';
        for (const calc::FactorColumn& c : t.columns)
            out << head << csv_text(c.phase_label) << ',' << calc::code_of(c.factor) << ',' << c.rate.value.to_string()
                << ',' << (c.previous ? c.previous->value.to_string() : "") << ',' << c.exact.value.to_string() << ','
                << c.presented.to_string() << ',' << o.present_to << ",,,,,,\n";
        if (t.phases.size() > 1)
            for (const calc::PhaseTotal& p : t.phases)
                out << head << calc::label_of(p.phase) << ",TOTAL,,," << p.exact.value.to_string() << ','
                    << p.presented.to_string() << ',' << o.present_to << ',' << p.schools_charged << ','
                    << p.sum_of_rounded.value.to_string() << ",,,,\n";
        std::vector<std::string> notes = table_notes(t);
        for (const calc::BudgetWorking& w : t.budgets) notes.push_back("Budget-first rate: " + budget_text(w) + ".");
        out << head << ",TOTAL,,," << t.exact_total.value.to_string() << ',' << t.presented_total.to_string() << ','
            << o.present_to << ',' << t.schools_charged << ',' << t.sum_of_rounded.value.to_string() << ','
            << range_cells(t.range) << ',' << csv_text(joined(notes)) << '\n';
    }
    const calc::TablesSummary& sum = r.summary;
    out << "ALL,All services,,,yes,,TOTAL,,," << sum.exact_total.value.to_string() << ',' << sum.presented_total.to_string()
        << ",1," << sum.schools_charged << ',' << sum.sum_of_rounded.value.to_string() << ',' << range_cells(sum.range) << ','
        << csv_text(summary_note(sum)) << '\n';
}

namespace {

nlohmann::json range_json(const calc::PoundRange& range) {
    return {{"lowest", range.lowest.to_string()}, {"median", range.median.to_string()}, {"highest", range.highest.to_string()}};
}

}  // namespace

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
        if (t.range) entry["range"] = range_json(*t.range);
        json phases = json::array();
        for (const calc::PhaseTotal& p : t.phases)
            phases.push_back({{"phase", calc::name_of(p.phase)},
                              {"label", calc::label_of(p.phase)},
                              {"exact_total", p.exact.value.to_string()},
                              {"presented_total", p.presented.to_string()},
                              {"sum_of_presented_columns", p.sum_of_presented_columns.to_string()},
                              {"sum_of_rounded", p.sum_of_rounded.value.to_string()},
                              {"schools_charged", p.schools_charged}});
        entry["phases"] = phases;
        entry["sum_of_presented_phases"] = t.sum_of_presented_phases.to_string();
        for (const calc::BudgetWorking& w : t.budgets) {
            json b = {{"basis", calc::code_of(w.basis)},
                      {"budget", w.budget.to_string()},
                      {"base", w.base.to_string()},
                      {"places", w.places},
                      {"round", calc::name_of(w.round)},
                      {"first_rate", w.first_rate.to_string()},
                      {"rate", w.rate.to_string()},
                      {"raised", w.raised().to_string()},
                      {"charged", w.charged.value.to_string()},
                      {"difference", w.difference().to_string()},
                      {"working", budget_text(w)}};
            if (w.phase) b["phase"] = calc::name_of(*w.phase);
            entry["budgets"].push_back(b);
        }
        entry["notes"] = table_notes(t);
        services.push_back(entry);
    }
    json doc = {{"authority", r.schedule.authority},
                {"year", r.schedule.year},
                {"census", r.census.source},
                {"rounding", calc::name_of(r.schedule.rounding.mode)},
                {"rounding_point", calc::name_of(r.schedule.rounding.point)},
                {"services", services}};
    if (r.previous) doc["previous_year"] = r.previous->year;
    const calc::TablesSummary& sum = r.summary;
    json summary = {{"exact_total", sum.exact_total.value.to_string()},
                    {"presented_total", sum.presented_total.to_string()},
                    {"sum_of_presented_services", sum.sum_of_presented_services.to_string()},
                    {"sum_of_rounded", sum.sum_of_rounded.value.to_string()},
                    {"rounding_difference", (sum.sum_of_rounded.value - sum.exact_total.value).to_string()},
                    {"schools_charged", sum.schools_charged},
                    {"notes", json::array()}};
    if (const std::string note = summary_note(sum); !note.empty()) summary["notes"].push_back(note);
    if (sum.range) summary["range"] = range_json(*sum.range);
    doc["all_services"] = summary;
    out << doc.dump(2) << '\n';
}

}  // namespace report
