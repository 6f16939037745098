#include "calc/effective_rates.hpp"

#include "calc/eligibility.hpp"

namespace calc {

namespace {

constexpr std::array<Phase, kPhaseCount> kPhases = {Phase::primary, Phase::secondary, Phase::all_through,
                                                    Phase::special, Phase::nursery,   Phase::pru};

}  // namespace

Decimal charged_base(const Census& census, const Service& service, Factor basis, std::optional<Phase> phase) {
    Decimal base;
    for (const School& school : census.schools) {
        if (phase && school.phase != *phase) continue;
        if (!is_charged(school, service) || !factor_applies(school, basis)) continue;
        base += count_of(school, basis);
    }
    return base;
}

Decimal budget_rate(const Decimal& budget, const Decimal& base, int places, RoundingMode round) {
    if (base.is_zero()) return Decimal(0).with_scale(places);
    return divide(budget, base, places, round);
}

std::vector<BudgetWorking> budget_working(const Census& census, const Service& service, const RateOption& option) {
    std::vector<BudgetWorking> out;
    if (!option.budget) return out;
    const BudgetRule& rule = *option.budget;
    auto working = [&](std::optional<Phase> phase, const Decimal& budget) {
        BudgetWorking w;
        w.phase = phase;
        w.basis = rule.basis;
        w.budget = budget;
        w.base = charged_base(census, service, rule.basis, phase);
        w.places = rule.places;
        w.round = rule.round;
        w.rate = budget_rate(budget, w.base, rule.places, rule.round);
        return w;
    };
    if (rule.budget) out.push_back(working(std::nullopt, *rule.budget));
    for (const auto& [phase, budget] : rule.phase_budgets) out.push_back(working(phase, budget));
    return out;
}

RatesByPhase effective_rates(const Census& census, const Service& service, const RateOption& option) {
    RatesByPhase out;
    if (!option.budget) {
        for (Phase p : kPhases) out[index_of(p)] = option.rates_for(p);
        return out;
    }
    for (const BudgetWorking& w : budget_working(census, service, option))
        for (Phase p : kPhases)
            if (!w.phase || *w.phase == p) out[index_of(p)] = {{w.basis, Rate{w.rate}}};
    return out;
}

std::optional<Rate> effective_rate(const Census& census, const Service& service, const RateOption& option, Factor factor,
                                   Phase phase) {
    if (!option.budget) {
        if (const Rate* r = option.rate_for(factor, phase)) return *r;
        return std::nullopt;
    }
    // Held in a local: a range-for over a member of a temporary would read freed memory (before C++23).
    const RatesByPhase all = effective_rates(census, service, option);
    for (const auto& [f, rate] : all[index_of(phase)])
        if (f == factor) return rate;
    return std::nullopt;
}

}  // namespace calc
