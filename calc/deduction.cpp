#include "calc/deduction.hpp"

#include "calc/charge.hpp"
#include "calc/exact_sum.hpp"

#include "calc/diagnostic.hpp"
#include "calc/eligibility.hpp"
#include "calc/missing_counts.hpp"

namespace calc {

std::vector<FactorCharge> breakdown(const School& school, const Service& service, const RatesByPhase& rates) {
    std::vector<FactorCharge> out;
    if (!is_charged(school, service)) return out;
    const std::pair<Factor, Rate>* at = nullptr;
    // The policy only rounds the total, which is not kept here: any policy gives the same factors.
    charge(school, rates[index_of(school.phase)], RoundingPolicy{},
           [&](const std::pair<Factor, Rate>& entry, const Count& count, const ExactAmount& amount) {
               out.push_back({entry.first, count, entry.second, amount});
           },
           at);
    return out;
}

std::vector<FactorCharge> breakdown(const Census& census, const School& school, const Service& service,
                                    const RateOption& option, const RoundingPolicy& charges) {
    return breakdown(school, service, effective_rates(census, service, option, charges));
}

std::vector<FactorCharge> breakdown(const School& school, const Service& service, const RateOption& option) {
    if (option.budget) return {};
    RatesByPhase rates;
    rates[index_of(school.phase)] = option.rates_for(school.phase);
    return breakdown(school, service, rates);
}

namespace {

// An overflow as an input problem: the census line and school, the service
// and factor, and the figures that did not fit.
InputError overflow_at(const Census& census, const School& school, const Service& service,
                       const std::pair<Factor, Rate>* factor, const DecimalOverflow& e) {
    std::string column = service.id;
    std::string message = "URN " + school.urn + ": ";
    if (factor) {
        column += "." + std::string(code_of(factor->first));
        message += "rate " + factor->second.value.to_string() + " × count " + count_of(school, factor->first).to_string() +
                   " is too large: " + e.what();
    } else {
        message += "the service's total is too large: " + std::string(e.what());
    }
    return InputError({{census.source, school.source_line, column, message}});
}

}  // namespace

// A charge in whole pence; one beyond 64 bits (£92 million million) is an overflow like any other.
static std::int64_t pennies_of(const Money& m) {
    const Decimal::Units units = m.value.with_scale(2).units();
    if (units > INT64_MAX || units < INT64_MIN) throw DecimalOverflow("a school's charge above £92,233,720,368,547,758.07");
    return static_cast<std::int64_t>(units);
}

ServiceResult calculate_service(const Census& census, const Schedule& schedule, std::size_t service,
                                std::size_t option) {
    if (census.schools.size() > UINT32_MAX)
        throw InputError({{census.source, 0, "", "more than 4,294,967,295 schools in one census"}});
    const Service& s = schedule.services.at(service);
    const RateOption& rates = s.options.at(option);
    ServiceResult result;
    result.service = service;
    result.option = option;
    result.sum_of_rounded = Money{Decimal(0).with_scale(2)};
    result.rounded_by_phase.fill(result.sum_of_rounded);
    result.rates = effective_rates(census, s, rates, schedule.rounding);

    result.charges.reserve(census.schools.size());
    MissingCounts missing(census);  // counts this charge needs that the census does not give
    // Exact totals kept as integers at one scale while the schools are added (ExactSum).
    std::array<std::array<ExactSum, kFactorCount>, kPhaseCount> factor_sums{};
    std::array<ExactSum, kPhaseCount> phase_sums{};
    ExactSum total;
    const PhasesCharged phases = phases_charged(s);
    for (std::size_t i = 0; i < census.schools.size(); ++i) {
        const School& school = census.schools[i];
        if (!is_charged(school, s, phases)) continue;
        if (lacks_a_count(school, result.rates[index_of(school.phase)])) {
            if (missing.check(school, s, rates, result.rates)) continue;
        }
        // The formula breakdown() shows, keeping only each factor's total.
        const std::pair<Factor, Rate>* at = nullptr;  // for the message if a figure overflows
        try {
            const std::size_t phase = index_of(school.phase);
            auto& by_factor = factor_sums[phase];
            const Charge c = charge(school, result.rates[phase], schedule.rounding,
                                    [&](const std::pair<Factor, Rate>& entry, const Count&, const ExactAmount& amount) {
                                        by_factor[index_of(entry.first)] += amount.value;
                                    },
                                    at);
            total += c.exact.value;
            result.sum_of_rounded += c.amount;
            phase_sums[phase] += c.exact.value;
            result.rounded_by_phase[phase] += c.amount;
            ++result.charged_by_phase[phase];
            result.charges.push_back(SchoolCharge{static_cast<std::uint32_t>(i), pennies_of(c.amount)});
        } catch (const DecimalOverflow& e) {
            throw overflow_at(census, school, s, at, e);
        }
    }
    if (!missing.empty()) throw InputError(missing.problems());
    try {
        result.exact_total = {total.value()};
        for (std::size_t p = 0; p < kPhaseCount; ++p) {
            result.exact_by_phase[p] = {phase_sums[p].value()};
            for (std::size_t f = 0; f < kFactorCount; ++f) result.by_phase_factor[p][f] = {factor_sums[p][f].value()};
        }
        for (const auto& phase : result.by_phase_factor)
            for (std::size_t f = 0; f < kFactorCount; ++f) result.by_factor[f] += phase[f];
    } catch (const DecimalOverflow& e) {
        throw InputError({{census.source, 0, s.id, "a factor's total is too large: " + std::string(e.what())}});
    }
    return result;
}

Calculation calculate(const Census& census, const Schedule& schedule) {
    Calculation calc;
    calc.sum_of_rounded = Money{Decimal(0).with_scale(2)};
    for (std::size_t i = 0; i < schedule.services.size(); ++i) {
        calc.services.push_back(calculate_service(census, schedule, i, schedule.services[i].selected));
        try {
            calc.exact_total += calc.services.back().exact_total;
            calc.sum_of_rounded += calc.services.back().sum_of_rounded;
        } catch (const DecimalOverflow& e) {
            throw InputError({{census.source, 0, schedule.services[i].id,
                               "the total over every service is too large: " + std::string(e.what())}});
        }
    }
    return calc;
}

}  // namespace calc
