#include "calc/effective_rates.hpp"

#include "calc/charge.hpp"
#include "calc/eligibility.hpp"
#include "calc/money_format.hpp"

namespace calc {

namespace {

constexpr std::array<Phase, kPhaseCount> kPhases = {Phase::primary, Phase::secondary, Phase::all_through,
                                                    Phase::special, Phase::nursery,   Phase::pru};

// The schools one budget is spread over: those `service` charges (of one
// phase, or all) to which the basis applies.
std::vector<const School*> spread_over(const Census& census, const Service& service, Factor basis, std::optional<Phase> phase) {
    std::vector<const School*> out;
    for (const School& school : census.schools) {
        if (phase && school.phase != *phase) continue;
        if (!is_charged(school, service) || !factor_applies(school, basis)) continue;
        out.push_back(&school);
    }
    return out;
}

// The schools' charges at `rate` on the basis, each rounded by the policy, added:
// the formula calculate_service() applies (calc::charge()), so the two agree to the penny.
Money charged_at(const std::vector<const School*>& schools, Factor basis, const Decimal& rate, const RoundingPolicy& policy) {
    const std::vector<std::pair<Factor, Rate>> rates = {{basis, Rate{rate}}};
    Money sum{Decimal(0).with_scale(2)};
    const std::pair<Factor, Rate>* at = nullptr;
    for (const School* school : schools)
        sum += charge(*school, rates, policy, [](const auto&, const Count&, const ExactAmount&) {}, at).amount;
    return sum;
}

// The lowest rate first + k units of its last place (k >= 0) whose charges
// add to at least the budget. Charges never fall as the rate rises (counts
// are not negative), so: double k until met, then halve the gap.
Decimal meeting_rate(const std::vector<const School*>& schools, Factor basis, const Decimal& first, int places,
                     const Decimal& budget, const RoundingPolicy& policy) {
    auto meets = [&](long long k) {
        return charged_at(schools, basis, first + Decimal::from_units(k, places), policy).value >= budget;
    };
    if (meets(0)) return first;
    long long short_by = 0;  // a k known to fall short
    long long enough = 1;    // a k known (once the loop ends) to meet it
    while (!meets(enough)) {
        if (enough > (1LL << 60)) throw DecimalOverflow("no rate meets the budget");  // cannot happen for counts >= 0
        short_by = enough;
        enough *= 2;  // a base above zero meets any budget in well under 2^62 units
    }
    while (enough - short_by > 1) {
        const long long mid = short_by + (enough - short_by) / 2;
        (meets(mid) ? enough : short_by) = mid;
    }
    return first + Decimal::from_units(enough, places);
}

std::string phase_words(const BudgetWorking& w, const Service& service) {
    if (w.phase) return "the " + std::string(name_of(*w.phase)) + " schools it charges";
    std::string phases;
    for (Phase p : service.phases) phases += (phases.empty() ? "" : ", ") + std::string(name_of(p));
    return "the schools it charges (" + phases + ")";
}

}  // namespace

Decimal charged_base(const Census& census, const Service& service, Factor basis, std::optional<Phase> phase) {
    Decimal base;
    for (const School* school : spread_over(census, service, basis, phase)) base += count_of(*school, basis);
    return base;
}

Decimal budget_rate(const Decimal& budget, const Decimal& base, int places, RoundingMode round) {
    if (base.is_zero()) return Decimal(0).with_scale(places);
    return divide(budget, base, places, round);
}

std::vector<BudgetWorking> budget_working(const Census& census, const Service& service, const RateOption& option,
                                          const RoundingPolicy& charges) {
    std::vector<BudgetWorking> out;
    if (!option.budget) return out;
    const BudgetRule& rule = *option.budget;
    auto working = [&](std::optional<Phase> phase, const Decimal& budget, const WrittenAt& at) {
        BudgetWorking w;
        w.phase = phase;
        w.basis = rule.basis;
        w.budget = budget;
        w.places = rule.places;
        w.round = rule.round;
        w.written_at = at;
        const std::vector<const School*> schools = spread_over(census, service, rule.basis, phase);
        w.base = Decimal(0);
        for (const School* school : schools) {
            w.base += count_of(*school, rule.basis);
            w.counts_missing = w.counts_missing || !has_count(*school, rule.basis);
        }
        w.first_rate = budget_rate(budget, w.base, rule.places, rule.round);
        w.charges_rounded = charges;
        w.first_charged = charged_at(schools, rule.basis, w.first_rate, charges);
        w.rate = w.base.is_zero() || w.first_charged.value >= budget
                     ? w.first_rate
                     : meeting_rate(schools, rule.basis, w.first_rate, rule.places, budget, charges);
        w.charged = w.rate == w.first_rate ? w.first_charged : charged_at(schools, rule.basis, w.rate, charges);
        return w;
    };
    if (rule.budget) out.push_back(working(std::nullopt, *rule.budget, rule.budget_at));
    for (const auto& [phase, budget] : rule.phase_budgets) {
        WrittenAt at = rule.budget_at;
        for (const auto& [p, where] : rule.phase_budget_at)
            if (p == phase) at = where;
        out.push_back(working(phase, budget, at));
    }
    return out;
}

Diagnostic unmet_budget(const BudgetWorking& w, const Service& service) {
    const std::string basis(code_of(w.basis));
    return {w.written_at.file.empty() ? "schedule" : w.written_at.file, w.written_at.line,
            w.written_at.key.empty() ? service.id + (w.phase ? ".phase_budget." + std::string(name_of(*w.phase)) : ".budget")
                                     : w.written_at.key,
            "budget " + format_pounds_exact(w.budget) + " for " + service.id + ": " + phase_words(w, service) +
                " have no " + basis + " count on this census (its " + basis +
                " basis adds to 0), so it would raise £0; give a budget of 0, a basis they have, or drop the phase"};
}

RatesByPhase effective_rates(const Census& census, const Service& service, const RateOption& option,
                             const RoundingPolicy& charges) {
    RatesByPhase out;
    if (!option.budget) {
        for (Phase p : kPhases) out[index_of(p)] = option.rates_for(p);
        return out;
    }
    std::vector<Diagnostic> unmet;
    for (const BudgetWorking& w : budget_working(census, service, option, charges)) {
        if (w.unmet()) unmet.push_back(unmet_budget(w, service));
        for (Phase p : kPhases)
            if (!w.phase || *w.phase == p) out[index_of(p)] = {{w.basis, Rate{w.rate}}};
    }
    if (!unmet.empty()) throw InputError(std::move(unmet));
    return out;
}

std::optional<Rate> effective_rate(const Census& census, const Service& service, const RateOption& option, Factor factor,
                                   Phase phase, const RoundingPolicy& charges) {
    if (!option.budget) {
        if (const Rate* r = option.rate_for(factor, phase)) return *r;
        return std::nullopt;
    }
    // Held in a local: a range-for over a member of a temporary would read freed memory (before C++23).
    const RatesByPhase all = effective_rates(census, service, option, charges);
    for (const auto& [f, rate] : all[index_of(phase)])
        if (f == factor) return rate;
    return std::nullopt;
}

}  // namespace calc
