#pragma once
// The rate at which a service pays its way.

#include "calc/decimal.hpp"

#include <Eigen/Core>

namespace model {

/// spend ÷ pupils rounded up to the penny: the lowest penny rate whose budget
/// covers the spend. £717,400 ÷ 17,466 = £41.0741... -> £41.08.
calc::Decimal breakeven_rate(const calc::Decimal& spend, long long pupils);

/// The lowest penny rate for which the share of simulated spends above the
/// budget (rate × pupils, to the pound) is at most `max_shortfall` (0-1).
calc::Decimal breakeven_rate_for_risk(const Eigen::ArrayXd& simulated_spend, long long pupils, double max_shortfall);

/// Share of simulated spends above the budget of `rate` × `pupils`.
double shortfall_probability(const Eigen::ArrayXd& simulated_spend, const calc::Decimal& rate, long long pupils);

}  // namespace model
