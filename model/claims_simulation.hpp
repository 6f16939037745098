#pragma once
// Monte Carlo projection of a claims-driven service (maternity insurance):
// claims per year are Poisson, each costing an amount that grows with pay.

#include "model/projection.hpp"

#include <Eigen/Core>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace model {

/// The claims behind a service's spend. cost_per_claim is priced in
/// cost_year and grows with the pay award; per_year grows with demand.
struct ClaimsModel {
    calc::Decimal per_year;
    calc::Decimal cost_per_claim;
    std::string cost_year;
};

/// The rounding points of the claims model, taken once in each year walked
/// from cost_year, so their places never grow with the horizon: the cost per
/// claim × (1 + pay award) to the penny, half up; the mean claims a year ×
/// (1 + demand) to kMeanClaimsPlaces places, half up.
inline constexpr int kClaimCostPlaces = 2;
inline constexpr calc::RoundingMode kClaimCostRounding = calc::RoundingMode::half_up;
inline constexpr int kMeanClaimsPlaces = 4;
inline constexpr calc::RoundingMode kMeanClaimsRounding = calc::RoundingMode::half_up;

/// The rounding points above in words, for a forecast's notes.
std::string claims_rounding_words();

struct SimulationOptions {
    int scenarios = 10000;
    std::uint64_t seed = 1;
};

/// Mean claims and cost per claim in one projected year (the double side of the model).
struct YearClaims {
    std::string year;
    double mean_claims = 0;
    double cost_per_claim = 0;
};

inline constexpr std::array<double, 5> kPercentiles = {5, 25, 50, 75, 95};

/// One projected year across all scenarios; money in whole pounds.
struct YearOutlook {
    std::string year;
    YearClaims claims;
    double simulated_mean_claims = 0;
    std::array<calc::Decimal, 5> spend;    ///< P5, P25, P50, P75, P95
    std::array<calc::Decimal, 5> outturn;
    std::array<calc::Decimal, 5> balance;
    double p_shortfall = 0;         ///< share of scenarios with outturn < 0
    double p_negative_balance = 0;  ///< share with the carried balance < 0
};

/// Claims and cost for each projected year of `projection`. Throws
/// std::invalid_argument if cost_year does not lead to the projected years.
std::vector<YearClaims> year_claims(const Projection& projection, const Assumptions& assumptions,
                                    const ClaimsModel& claims);

/// Spend of every scenario (rows) in every year (columns): claims × cost.
Eigen::ArrayXXd simulate_spend(const std::vector<YearClaims>& years, const SimulationOptions& options);

/// Percentiles and shortfall probabilities against the projection's budgets,
/// carrying the balance from the end of the ledger.
std::vector<YearOutlook> summarise(const Projection& projection, const std::vector<YearClaims>& years,
                                   const Eigen::ArrayXXd& spend);

/// The one crossing from a simulated double back to money: whole pounds,
/// halves away from zero.
calc::Decimal pounds_from_double(double pounds);

/// The q-th percentile (0-100) of `values`, linear between order statistics.
double percentile(std::vector<double> values, double q);

/// kPercentiles of `values` in one sort, as whole pounds.
std::array<calc::Decimal, 5> percentiles_in_pounds(std::vector<double> values);

}  // namespace model
