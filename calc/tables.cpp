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

std::optional<Rate> previous_rate(const Schedule* previous, const Service& service, Factor factor) {
    if (!previous) return std::nullopt;
    const Service* before = previous->find(service.id);
    if (!before) return std::nullopt;
    const Rate* rate = before->selected_option().rate_for(factor);
    return rate ? std::optional<Rate>(*rate) : std::nullopt;
}

ServiceTable table_for(const Census& census, const Schedule& schedule, const Schedule* previous, std::size_t s,
                       std::size_t o) {
    const Service& service = schedule.services[s];
    const RateOption& option = service.options[o];
    const ServiceResult result = calculate_service(census, schedule, s, o);

    ServiceTable table;
    table.service = s;
    table.option = o;
    table.selected = o == service.selected;
    for (const auto& [factor, rate] : option.rates) {
        const ExactAmount exact = result.by_factor[index_of(factor)];
        table.columns.push_back({factor, phase_label(service, factor), rate, previous_rate(previous, service, factor),
                                 exact, present_to(exact.value, option.present_to, kPresentationRounding)});
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
    for (std::size_t s = 0; s < schedule.services.size(); ++s)
        for (std::size_t o = 0; o < schedule.services[s].options.size(); ++o)
            tables.push_back(table_for(census, schedule, previous, s, o));
    return tables;
}

}  // namespace calc
