#include "calc/tables.hpp"

#include "calc/eligibility.hpp"

#include "calc/per_school.hpp"

namespace calc {

namespace {

// The same service in last year's schedule, charged on this census.
struct PreviousYear {
    const Service* service = nullptr;
    const RateOption* option = nullptr;
    ServiceResult result;
};

std::optional<PreviousYear> previous_year(const Census& census, const Schedule* previous, const Service& service) {
    if (!previous) return std::nullopt;
    for (std::size_t i = 0; i < previous->services.size(); ++i) {
        const Service& before = previous->services[i];
        if (before.id == service.id)
            return PreviousYear{&before, &before.selected_option(), calculate_service(census, *previous, i, before.selected)};
    }
    return std::nullopt;
}

const Rate* rate_in(const RatesByPhase& rates, Phase phase, Factor factor) {
    for (const auto& [f, rate] : rates[index_of(phase)])
        if (f == factor) return &rate;
    return nullptr;
}

void add_previous(FactorColumn& column, const std::optional<PreviousYear>& before) {
    // A phase the service did not charge last year had no rate then, whatever its table says.
    if (!before || !before->service->covers(column.phase)) return;
    const Rate* rate = rate_in(before->result.rates, column.phase, column.factor);
    if (!rate) return;
    column.previous = *rate;
    column.previous_exact = before->result.by_phase_factor[index_of(column.phase)][index_of(column.factor)];
    column.previous_presented = present_to(column.previous_exact->value, before->option->present_to, kPresentationRounding);
}

ServiceTable table_for(const Census& census, const Schedule& schedule, const std::optional<PreviousYear>& before,
                       std::size_t s, std::size_t o) {
    const Service& service = schedule.services[s];
    const RateOption& option = service.options[o];
    const ServiceResult result = calculate_service(census, schedule, s, o);
    auto presented = [&](const ExactAmount& a) { return present_to(a.value, option.present_to, kPresentationRounding); };

    ServiceTable table;
    table.service = s;
    table.option = o;
    table.selected = o == service.selected;
    for (Phase phase : service.phases) {
        const std::size_t p = index_of(phase);
        PhaseTotal total{phase, result.exact_by_phase[p], presented(result.exact_by_phase[p]), Decimal(),
                         result.rounded_by_phase[p], result.charged_by_phase[p]};
        for (const auto& [factor, rate] : result.rates[p]) {
            if (!factor_applies(phase, factor)) continue;
            const ExactAmount exact = result.by_phase_factor[p][index_of(factor)];
            FactorColumn column{factor,       std::string(label_of(phase)), rate, std::nullopt, std::nullopt,
                                std::nullopt, exact, presented(exact), phase};
            add_previous(column, before);
            total.sum_of_presented_columns += column.presented;
            table.sum_of_presented_columns += column.presented;
            table.columns.push_back(std::move(column));
        }
        table.sum_of_presented_phases += total.presented;
        table.phases.push_back(std::move(total));
    }
    table.budgets = budget_working(census, service, option, schedule.rounding);
    table.exact_total = result.exact_total;
    table.presented_total = presented(result.exact_total);
    table.sum_of_rounded = result.sum_of_rounded;
    table.schools_charged = result.charges.size();
    table.range = range_of(result);
    return table;
}

}  // namespace

std::vector<ServiceTable> build_tables(const Census& census, const Schedule& schedule, const Schedule* previous) {
    std::vector<ServiceTable> tables;
    for (std::size_t s = 0; s < schedule.services.size(); ++s) {
        const auto before = previous_year(census, previous, schedule.services[s]);
        for (std::size_t o = 0; o < schedule.services[s].options.size(); ++o)
            tables.push_back(table_for(census, schedule, before, s, o));
    }
    return tables;
}

TablesSummary summarise(const Census& census, const Schedule& schedule, const std::vector<ServiceTable>& tables) {
    TablesSummary out;
    out.sum_of_rounded = Money{Decimal(0).with_scale(2)};
    for (const ServiceTable& t : tables) {
        if (!t.selected) continue;
        out.exact_total += t.exact_total;
        out.sum_of_rounded += t.sum_of_rounded;
        out.sum_of_presented_services += t.presented_total;
    }
    out.presented_total = out.exact_total.value.round(0, kPresentationRounding);
    std::vector<Decimal> totals;
    for (const SchoolRow& row : per_school_rows(calculate(census, schedule), census.schools.size()))
        totals.push_back(row.total.value);
    out.schools_charged = totals.size();
    out.range = range_of(std::move(totals));
    return out;
}

std::vector<AlternativeTotal> alternative_totals(const std::vector<ServiceTable>& tables, const TablesSummary& summary) {
    std::vector<AlternativeTotal> out;
    for (const ServiceTable& t : tables) {
        if (t.selected) continue;
        for (const ServiceTable& chosen : tables) {
            if (chosen.service != t.service || !chosen.selected) continue;
            const ExactAmount exact = summary.exact_total - chosen.exact_total + t.exact_total;
            out.push_back({t.service, t.option, exact, exact.value.round(0, kPresentationRounding),
                           summary.sum_of_rounded - chosen.sum_of_rounded + t.sum_of_rounded});
        }
    }
    return out;
}

}  // namespace calc
