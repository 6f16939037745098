#include "calc/tables.hpp"

namespace calc {

std::string phase_label(const Service& service, Factor factor) {
    if (factor == Factor::PLACE) return std::string(label_of(Phase::special));
    std::string label;
    for (Phase p : service.phases) {
        if (!is_mainstream(p)) continue;
        if (!label.empty()) label += " & ";
        label += label_of(p);
    }
    return label;
}

namespace {

// The same service in last year's schedule, charged on this census.
struct PreviousYear {
    const RateOption* option = nullptr;
    ServiceResult result;
};

std::optional<PreviousYear> previous_year(const Census& census, const Schedule* previous, const Service& service) {
    if (!previous) return std::nullopt;
    for (std::size_t i = 0; i < previous->services.size(); ++i) {
        const Service& before = previous->services[i];
        if (before.id == service.id)
            return PreviousYear{&before.selected_option(), calculate_service(census, *previous, i, before.selected)};
    }
    return std::nullopt;
}

void add_previous(FactorColumn& column, const std::optional<PreviousYear>& before) {
    if (!before) return;
    const Rate* rate = before->option->rate_for(column.factor);
    if (!rate) return;
    column.previous = *rate;
    column.previous_exact = before->result.by_factor[index_of(column.factor)];
    column.previous_presented = present_to(column.previous_exact->value, before->option->present_to, kPresentationRounding);
}

ServiceTable table_for(const Census& census, const Schedule& schedule, const std::optional<PreviousYear>& before,
                       std::size_t s, std::size_t o) {
    const Service& service = schedule.services[s];
    const RateOption& option = service.options[o];
    const ServiceResult result = calculate_service(census, schedule, s, o);

    ServiceTable table;
    table.service = s;
    table.option = o;
    table.selected = o == service.selected;
    for (const auto& [factor, rate] : option.rates) {
        const ExactAmount exact = result.by_factor[index_of(factor)];
        FactorColumn column{factor, phase_label(service, factor), rate, std::nullopt, std::nullopt, std::nullopt,
                            exact, present_to(exact.value, option.present_to, kPresentationRounding)};
        add_previous(column, before);
        table.columns.push_back(std::move(column));
        table.sum_of_presented_columns += table.columns.back().presented;
    }
    table.exact_total = result.exact_total;
    table.presented_total = present_to(result.exact_total.value, option.present_to, kPresentationRounding);
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

}  // namespace calc
