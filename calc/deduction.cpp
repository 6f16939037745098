#include "calc/deduction.hpp"

#include "calc/eligibility.hpp"

namespace calc {

std::vector<FactorCharge> breakdown(const School& school, const Service& service, const RateOption& option) {
    std::vector<FactorCharge> out;
    if (!is_charged(school, service)) return out;
    for (const auto& [factor, rate] : option.rates) {
        if (!factor_applies(school, factor)) continue;
        const Count count{count_of(school, factor)};
        out.push_back({factor, count, rate, rate * count});
    }
    return out;
}

ServiceResult calculate_service(const Census& census, const Schedule& schedule, std::size_t service,
                                std::size_t option) {
    const Service& s = schedule.services.at(service);
    const RateOption& rates = s.options.at(option);
    ServiceResult result;
    result.service = service;
    result.option = option;
    result.sum_of_rounded = Money{Decimal(0).with_scale(2)};

    result.charges.reserve(census.schools.size());
    for (std::size_t i = 0; i < census.schools.size(); ++i) {
        const School& school = census.schools[i];
        if (!is_charged(school, s)) continue;
        // The same sum as breakdown(), without keeping each factor's working.
        ExactAmount exact;
        for (const auto& [factor, rate] : rates.rates) {
            if (!factor_applies(school, factor)) continue;
            const ExactAmount amount = rate * Count{count_of(school, factor)};
            exact += amount;
            result.by_factor[index_of(factor)] += amount;
        }
        SchoolCharge charge{i, round_to_penny(exact, schedule.rounding)};
        result.exact_total += exact;
        result.sum_of_rounded += charge.amount;
        result.charges.push_back(std::move(charge));
    }
    return result;
}

Calculation calculate(const Census& census, const Schedule& schedule) {
    Calculation calc;
    calc.sum_of_rounded = Money{Decimal(0).with_scale(2)};
    for (std::size_t i = 0; i < schedule.services.size(); ++i) {
        calc.services.push_back(calculate_service(census, schedule, i, schedule.services[i].selected));
        calc.exact_total += calc.services.back().exact_total;
        calc.sum_of_rounded += calc.services.back().sum_of_rounded;
    }
    return calc;
}

}  // namespace calc
