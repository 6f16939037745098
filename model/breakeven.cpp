#include "model/breakeven.hpp"

#include "model/claims_simulation.hpp"
#include "model/ledger.hpp"
#include "model/rate_rules.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace model {

calc::Decimal breakeven_rate(const calc::Decimal& spend, long long pupils) {
    return rate_for_target(spend, calc::Decimal(pupils), calc::RoundingMode::up);
}

double shortfall_probability(const Eigen::ArrayXd& simulated_spend, const calc::Decimal& rate, long long pupils) {
    const double budget = std::stod(budget_of(calc::Rate{rate}, pupils).to_string());
    return static_cast<double>((simulated_spend > budget).count()) / static_cast<double>(simulated_spend.size());
}

calc::Decimal breakeven_rate_for_risk(const Eigen::ArrayXd& simulated_spend, long long pupils, double max_shortfall) {
    if (pupils <= 0) throw std::invalid_argument("no pupils to charge");
    if (simulated_spend.size() == 0) throw std::invalid_argument("no scenarios");
    // Start from the spend that only max_shortfall of scenarios exceed, then
    // step a penny at a time until the budget's rounding no longer matters.
    std::vector<double> spends(simulated_spend.begin(), simulated_spend.end());
    std::sort(spends.begin(), spends.end());
    const auto allowed = static_cast<std::size_t>(std::floor(max_shortfall * static_cast<double>(spends.size())));
    const double covered = spends[spends.size() - 1 - std::min(allowed, spends.size() - 1)];
    calc::Decimal rate = breakeven_rate(pounds_from_double(covered), pupils);
    const calc::Decimal penny = calc::divide(calc::Decimal(1), calc::Decimal(100), 2, calc::RoundingMode::half_up);
    while (shortfall_probability(simulated_spend, rate, pupils) > max_shortfall) rate += penny;
    // Walk down while a lower rate still meets the target (the start may be a penny high).
    while (rate > penny && shortfall_probability(simulated_spend, rate - penny, pupils) <= max_shortfall) rate -= penny;
    return rate;
}

}  // namespace model
