#include "model/projection.hpp"

#include "model/rate_rules.hpp"
#include "model/trend.hpp"
#include "model/year_label.hpp"

#include <stdexcept>

namespace model {

namespace {

calc::Decimal lookup(const std::map<std::string, calc::Decimal>& by_year, const std::string& year,
                     const calc::Decimal& fallback) {
    const auto it = by_year.find(year);
    return it == by_year.end() ? fallback : it->second;
}

long long next_pupils(const Ledger& ledger, const Assumptions& a, long long last, std::size_t years_ahead) {
    switch (a.roll) {
        case RollRule::flat: return last;
        case RollRule::percent:
            return static_cast<long long>(
                calc::multiply_rounded(calc::Decimal(last), calc::Decimal(1) + a.roll_percent, 0, kPupilRounding).units());
        case RollRule::trend: {
            std::vector<double> x, y;
            for (std::size_t i = 0; i < ledger.years.size(); ++i) {
                x.push_back(static_cast<double>(i));
                y.push_back(static_cast<double>(ledger.years[i].pupils));
            }
            const Line line = fit_line(x, y);
            return whole_pupils(line.at(static_cast<double>(ledger.years.size() - 1 + years_ahead)));
        }
    }
    return last;
}

calc::Rate next_rate(const Assumptions& a, const calc::Rate& last, const calc::Decimal& pay_award,
                     const calc::Decimal& spend, long long pupils) {
    switch (a.rate) {
        case RateRule::hold: return last;
        case RateRule::pay: return {uplift(last.value, pay_award, kRateRounding, kRatePlaces)};
        case RateRule::percent: return {uplift(last.value, a.rate_percent, kRateRounding, kRatePlaces)};
        case RateRule::breakeven:
            if (pupils == 0) return last;
            return {rate_for_target(spend, calc::Decimal(pupils), kRateRounding, kRatePlaces)};
    }
    return last;
}

}  // namespace

calc::Decimal Assumptions::pay_award_in(const std::string& year) const { return lookup(pay_award_by_year, year, pay_award); }
calc::Decimal Assumptions::demand_in(const std::string& year) const { return lookup(demand_by_year, year, demand); }

std::string projection_rounding_words() {
    return "Rounding, once in each projected year: spend = last year's spend × (1 + pay award) × (1 + demand), "
           "to the pound (half up); pupils under a percentage roll to the whole pupil (half up); a rate set by "
           "the pay, percentage or break-even rule to the penny (rounded up); budget = rate × pupils to the "
           "pound (half up).";
}

std::optional<std::string> percent_problem(const calc::Decimal& fraction) {
    if (fraction.significant_places() > kMaxPercentPlaces)
        return "at most " + std::to_string(kMaxPercentPlaces - 2) + " decimal places of a percentage, not " +
               (fraction * calc::Decimal(100)).normalized().to_string() + "%";
    if (fraction < calc::Decimal(-1))
        return "a fall of more than 100% (" + (fraction * calc::Decimal(100)).normalized().to_string() + "%) leaves less than nothing";
    return std::nullopt;
}

calc::Decimal grow_spend(const calc::Decimal& spend, const calc::Decimal& pay_award, const calc::Decimal& demand) {
    // (1 + pay) × (1 + demand) is exact in 2 × kMaxPercentPlaces places; the spend may have any places.
    return calc::multiply_rounded(spend, (calc::Decimal(1) + pay_award) * (calc::Decimal(1) + demand), kSpendPlaces,
                                  kSpendRounding);
}

namespace {

void check_percentages(const Assumptions& a) {
    auto check = [](const std::string& what, const calc::Decimal& fraction) {
        if (const auto why = percent_problem(fraction)) throw std::invalid_argument(what + ": " + *why);
    };
    check("pay award", a.pay_award);
    check("demand", a.demand);
    for (const auto& [year, v] : a.pay_award_by_year) check("pay award in " + year, v);
    for (const auto& [year, v] : a.demand_by_year) check("demand in " + year, v);
    if (a.roll == RollRule::percent) check("roll", a.roll_percent);
    if (a.rate == RateRule::percent) check("rate rule", a.rate_percent);
}

}  // namespace

Projection project(const Ledger& ledger, const Assumptions& a) {
    if (ledger.years.empty()) throw std::invalid_argument("the ledger has no years to project from");
    check_percentages(a);
    Projection p;
    p.history = run_ledger(ledger);

    LedgerYear last = ledger.years.back();
    calc::Decimal balance = p.history.back().balance;
    for (int i = 1; i <= a.years; ++i) {
        const auto label = next_year(last.year);
        if (!label) throw std::invalid_argument("cannot continue after year \"" + last.year + "\" (write years as 2025-26)");
        LedgerYear y;
        y.year = *label;
        y.forecast = true;
        y.spend = grow_spend(last.spend, a.pay_award_in(y.year), a.demand_in(y.year));
        y.pupils = next_pupils(ledger, a, last.pupils, static_cast<std::size_t>(i));
        y.rate = next_rate(a, last.rate, a.pay_award_in(y.year), y.spend, y.pupils);

        p.projected.push_back(work_year(y, balance));
        balance = p.projected.back().balance;
        last = y;
    }
    for (const LedgerRow& r : p.projected)
        if (!p.first_shortfall && r.outturn.sign() < 0) p.first_shortfall = r.input.year;
    for (const auto* rows : {&p.history, &p.projected})
        for (const LedgerRow& r : *rows)
            if (!p.first_negative_balance && r.balance.sign() < 0) p.first_negative_balance = r.input.year;
    return p;
}

}  // namespace model
