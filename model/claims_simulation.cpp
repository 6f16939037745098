#include "model/claims_simulation.hpp"

#include "model/poisson.hpp"
#include "model/year_label.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace model {

namespace {

double to_double(const calc::Decimal& d) { return std::stod(d.to_string()); }

}  // namespace

std::string claims_rounding_words() {
    return "Each year from the cost's year: cost per claim × (1 + pay award) to the penny (half up); mean claims × "
           "(1 + demand) to " + std::to_string(kMeanClaimsPlaces) + " decimal places (half up).";
}

calc::Decimal pounds_from_double(double pounds) { return calc::Decimal(std::llround(pounds)); }

namespace {

// The q-th percentile of values already sorted.
double sorted_percentile(const std::vector<double>& values, double q) {
    if (values.empty()) return 0;
    const double position = q / 100.0 * static_cast<double>(values.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, values.size() - 1);
    const double weight = position - static_cast<double>(below);
    return values[below] * (1 - weight) + values[above] * weight;
}

}  // namespace

double percentile(std::vector<double> values, double q) {
    std::sort(values.begin(), values.end());
    return sorted_percentile(values, q);
}

std::array<calc::Decimal, 5> percentiles_in_pounds(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    std::array<calc::Decimal, 5> out;
    for (std::size_t i = 0; i < kPercentiles.size(); ++i)
        out[i] = pounds_from_double(sorted_percentile(values, kPercentiles[i]));
    return out;
}

std::vector<YearClaims> year_claims(const Projection& projection, const Assumptions& a, const ClaimsModel& claims) {
    // Walk from the year the cost is priced in to each projected year,
    // growing cost with the pay award and claims with demand.
    calc::Decimal cost = claims.cost_per_claim;
    calc::Decimal mean = claims.per_year;
    std::string year = claims.cost_year;
    std::vector<YearClaims> out;
    for (const LedgerRow& row : projection.projected) {
        for (int step = 0; year != row.input.year; ++step) {
            const auto next = next_year(year);
            if (!next || step > 100)
                throw std::invalid_argument("claims cost_year \"" + claims.cost_year + "\" does not lead to " + row.input.year);
            year = *next;
            cost = calc::multiply_rounded(cost, calc::Decimal(1) + a.pay_award_in(year), kClaimCostPlaces, kClaimCostRounding);
            mean = calc::multiply_rounded(mean, calc::Decimal(1) + a.demand_in(year), kMeanClaimsPlaces, kMeanClaimsRounding);
        }
        out.push_back({year, to_double(mean), to_double(cost)});
    }
    return out;
}

Eigen::ArrayXXd simulate_spend(const std::vector<YearClaims>& years, const SimulationOptions& options) {
    const auto scenarios = static_cast<Eigen::Index>(options.scenarios);
    const auto n_years = static_cast<Eigen::Index>(years.size());
    Eigen::ArrayXXd claims(scenarios, n_years);
    PoissonSampler sampler(options.seed);
    for (Eigen::Index s = 0; s < scenarios; ++s)
        for (Eigen::Index y = 0; y < n_years; ++y)
            claims(s, y) = static_cast<double>(sampler.draw(years[static_cast<std::size_t>(y)].mean_claims));
    Eigen::ArrayXd cost(n_years);
    for (Eigen::Index y = 0; y < n_years; ++y) cost(y) = years[static_cast<std::size_t>(y)].cost_per_claim;
    return claims.rowwise() * cost.transpose();
}

std::vector<YearOutlook> summarise(const Projection& projection, const std::vector<YearClaims>& years,
                                   const Eigen::ArrayXXd& spend) {
    const Eigen::Index scenarios = spend.rows();
    Eigen::ArrayXd balance = Eigen::ArrayXd::Constant(scenarios, to_double(projection.history.back().balance));
    std::vector<YearOutlook> out;
    for (Eigen::Index y = 0; y < spend.cols(); ++y) {
        const LedgerRow& row = projection.projected[static_cast<std::size_t>(y)];
        const Eigen::ArrayXd outturn = to_double(row.budget) - spend.col(y);
        balance += outturn;

        YearOutlook o;
        o.year = row.input.year;
        o.claims = years[static_cast<std::size_t>(y)];
        o.simulated_mean_claims = spend.col(y).mean() / o.claims.cost_per_claim;
        o.spend = percentiles_in_pounds({spend.col(y).begin(), spend.col(y).end()});
        o.outturn = percentiles_in_pounds({outturn.begin(), outturn.end()});
        o.balance = percentiles_in_pounds({balance.begin(), balance.end()});
        o.p_shortfall = static_cast<double>((outturn < 0).count()) / static_cast<double>(scenarios);
        o.p_negative_balance = static_cast<double>((balance < 0).count()) / static_cast<double>(scenarios);
        out.push_back(o);
    }
    return out;
}

}  // namespace model
