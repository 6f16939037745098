#include "report/paper_history.hpp"

#include "calc/effective_rates.hpp"
#include "calc/eligibility.hpp"
#include "calc/money_format.hpp"
#include "report/option_words.hpp"

#include <algorithm>

namespace report {

namespace {

std::string phases_words(const calc::Service& s) {
    std::string out;
    for (calc::Phase p : s.phases) out += (out.empty() ? "" : ", ") + std::string(calc::label_of(p));
    return out;
}

// An option's rates for every phase the service charges (budget-first rates from the census).
std::vector<RateEntry> option_rates(const calc::Census& census, const calc::Service& s, const calc::RateOption& o,
                                    const calc::RoundingPolicy& charges) {
    const calc::RatesByPhase by_phase = calc::effective_rates(census, s, o, charges);
    std::vector<RateEntry> out;
    for (calc::Phase p : s.phases)
        for (const auto& [factor, rate] : by_phase[calc::index_of(p)])
            if (calc::factor_applies(p, factor)) out.push_back({p, factor, rate});
    return out;
}

// The one phase of the service a factor is charged to (PLACE: special), or none.
std::optional<calc::Phase> only_phase(const calc::Service& s, calc::Factor f) {
    std::optional<calc::Phase> found;
    for (calc::Phase p : s.phases) {
        if (!calc::factor_applies(p, f)) continue;
        if (found) return std::nullopt;
        found = p;
    }
    return found;
}

}  // namespace

std::optional<DecisionsTable> decisions_table(const Paper& p) {
    const calc::Schedule* previous = p.tables.previous;
    std::string year = previous ? previous->year : "";
    if (!previous)
        for (const rates::Decision& d : p.history.decisions) year = std::max(year, d.year);
    DecisionsTable table{year, "", {}};
    for (const rates::Decision& d : p.history.decisions)
        if (d.year == year)
            table.rows.push_back({d.service, d.requested ? "Yes" : "No", std::string(rates::words_for(d.outcome))});
    if (!table.rows.empty()) {
        table.source = "As recorded in " + p.history.source + ".";
        return table;
    }
    if (!previous) return std::nullopt;
    for (const calc::Service& s : previous->services)
        table.rows.push_back({s.name, "Yes", s.phases.empty() ? "Not agreed" : "Agreed: " + phases_words(s)});
    table.source = "From the " + year + " schedule: each service it lists, and the phases that agreed to it; a service not "
                   "requested is not in a schedule, so is not listed.";
    return table;
}

std::vector<RateHistoryRow> rate_history(const Paper& p) {
    const TablesReport& r = p.tables;
    std::vector<RateHistoryRow> out;
    for (std::size_t i = 0; i < r.schedule.services.size(); ++i) {
        const calc::Service& s = r.schedule.services[i];
        std::vector<RateHistoryRow> rows;
        for (const rates::PastRates& past : p.history.rates) {
            if (past.service != s.id) continue;
            RateHistoryRow row{i, past.year, "", {}, past.note, "history file"};
            for (const auto& [factor, rate] : past.rates) row.rates.push_back({only_phase(s, factor), factor, rate});
            rows.push_back(std::move(row));
        }
        std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.year < b.year; });
        if (r.previous)
            if (const calc::Service* before = r.previous->find(s.id)) {
                const calc::RateOption& o = before->selected_option();
                rows.push_back({i, r.previous->year, before->options.size() > 1 ? o.label : "",
                                option_rates(r.census, *before, o, r.previous->rounding), before->phases.empty() ? "Not agreed" : "",
                                r.previous->year + " schedule"});
            }
        for (std::size_t o = 0; o < s.options.size(); ++o) {
            std::string label;
            if (s.options.size() > 1) {
                const std::string tag = option_tag(s, o);
                label = s.options[o].label + (tag.empty() ? "" : " (" + tag + ")");
            }
            rows.push_back({i, r.schedule.year, label, option_rates(r.census, s, s.options[o], r.schedule.rounding), "", r.schedule.year + " schedule"});
        }
        for (RateHistoryRow& row : rows) out.push_back(std::move(row));
    }
    return out;
}

std::string rates_words(const calc::Service& service, const std::vector<RateEntry>& rates) {
    std::string out;
    for (const RateEntry& e : rates) {
        out += out.empty() ? "" : "; ";
        if (e.phase && service.phases.size() > 1) out += std::string(calc::label_of(*e.phase)) + " ";
        out += calc::format_rate(e.rate.value) + " per " + std::string(calc::row_of(e.factor).unit);
    }
    return out;
}

std::vector<AppendixFigure> appendix_figures(const Paper& p, const std::string& service_id) {
    const TablesReport& r = p.tables;
    std::vector<AppendixFigure> out;
    const calc::Service* s = r.schedule.find(service_id);
    if (!s) return out;
    const auto whole = [](const calc::Decimal& d) { return calc::format_pounds(d, 0); };
    for (const calc::ServiceTable& t : r.tables) {
        if (&r.schedule.services[t.service] != s) continue;
        const calc::RateOption& o = s->options[t.option];
        const std::string of = s->options.size() > 1 ? " (" + o.label + ")" : "";
        const std::vector<RateEntry> rates = option_rates(r.census, *s, o, r.schedule.rounding);
        out.push_back({"Rate " + r.schedule.year + of, rates_words(*s, rates), "calculated"});
        std::string phases;  // each phase's total, when the service charges more than one
        if (t.phases.size() > 1)
            for (const calc::PhaseTotal& ph : t.phases)
                phases += "; " + std::string(calc::label_of(ph.phase)) + " " + whole(ph.presented);
        out.push_back({"Total " + r.schedule.year + of,
                       whole(t.presented_total) + " (exactly " + calc::format_pounds_exact(t.exact_total.value) + phases + ")",
                       "calculated"});
        out.push_back({"Maintained schools charged" + of, std::to_string(t.schools_charged), "calculated"});
        if (t.range && t.schools_charged > 0) {
            const calc::Decimal mean = calc::divide(t.sum_of_rounded.value, calc::Decimal(static_cast<long long>(t.schools_charged)),
                                                    0, calc::RoundingMode::half_up);
            out.push_back({"Per school" + of, "lowest " + whole(t.range->lowest) + ", median " + whole(t.range->median) +
                                                  ", average " + whole(mean) + ", highest " + whole(t.range->highest),
                           "calculated"});
        }
        // A formula value for a factor this option charges: how much of it a school keeps.
        for (const rates::FormulaValue& f : p.history.formula)
            for (const RateEntry& e : rates) {
                if (e.factor != f.factor || f.rate.value.is_zero()) continue;
                const calc::Decimal kept = f.rate.value - e.rate.value;
                const calc::Decimal share = calc::divide(kept * calc::Decimal(100), f.rate.value, 0, calc::RoundingMode::half_up);
                const std::string unit(calc::row_of(f.factor).unit);
                out.push_back({"National funding formula " + f.year + ", per " + unit + of,
                               calc::format_rate(f.rate.value) + "; after " + calc::format_rate(e.rate.value) +
                                   " de-delegated a school keeps " + calc::format_rate(kept) + " (" + share.to_string() + "%)",
                               p.history.source});
                break;
            }
    }
    for (const rates::ServiceFigure& f : p.history.figures)
        if (f.service == service_id) out.push_back({f.label, f.value, p.history.source});
    return out;
}

}  // namespace report
