#pragma once
// Deterministic projection of a ledger: pay award, demand, roll and rate rules.

#include "model/ledger.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace model {

enum class RollRule { flat, percent, trend };
enum class RateRule { hold, pay, breakeven, percent };

/// What the officer assumes for the years after the ledger. Percentages are
/// fractions (5.5% = 0.055). A year's entry in *_by_year overrides the default.
struct Assumptions {
    int years = 5;
    calc::Decimal pay_award;
    std::map<std::string, calc::Decimal> pay_award_by_year;
    calc::Decimal demand;
    std::map<std::string, calc::Decimal> demand_by_year;
    RollRule roll = RollRule::flat;
    calc::Decimal roll_percent;
    RateRule rate = RateRule::hold;
    calc::Decimal rate_percent;

    calc::Decimal pay_award_in(const std::string& year) const;
    calc::Decimal demand_in(const std::string& year) const;
};

/// The rounding points of a projection, each taken once in every projected
/// year, so no figure's decimal places grow with the horizon (a 50-year
/// forecast holds the same places as a 1-year one):
/// - spend: last year's spend × (1 + pay award) × (1 + demand), to the pound, half up;
/// - pupils under a percentage roll: to the whole pupil, half up;
/// - a rate under the pay, percentage or break-even rule: to the penny, rounded up
///   (so the rule raises at least what it means to).
inline constexpr int kSpendPlaces = 0;
inline constexpr calc::RoundingMode kSpendRounding = calc::RoundingMode::half_up;
inline constexpr calc::RoundingMode kPupilRounding = calc::RoundingMode::half_up;
inline constexpr int kRatePlaces = 2;
inline constexpr calc::RoundingMode kRateRounding = calc::RoundingMode::up;

/// The rounding points above in words, for a forecast's notes.
std::string projection_rounding_words();

/// A percentage a projection grows by (pay award, demand, a roll or rate
/// rule) has at most this many decimal places as a fraction (4 of a percent:
/// 5.5025%), so a year's growth is exact in 38 digits.
inline constexpr int kMaxPercentPlaces = 6;

/// Why `fraction` cannot be a growth percentage (too many places, or a fall
/// of more than 100%), or none.
std::optional<std::string> percent_problem(const calc::Decimal& fraction);

struct Projection {
    std::vector<LedgerRow> history;    ///< the ledger as recorded
    std::vector<LedgerRow> projected;  ///< the years after it
    std::optional<std::string> first_shortfall;         ///< first projected year with outturn < 0
    std::optional<std::string> first_negative_balance;  ///< first year (any) the balance goes below 0
};

/// Spend next year: last spend × (1 + pay award) × (1 + demand), to the pound.
/// £680,000 × 1.055 = £717,400.
calc::Decimal grow_spend(const calc::Decimal& spend, const calc::Decimal& pay_award, const calc::Decimal& demand);

/// Extends `ledger` by `assumptions.years` years. Throws std::invalid_argument
/// for a ledger with no years, year labels that cannot be continued, or a
/// percentage percent_problem() refuses.
Projection project(const Ledger& ledger, const Assumptions& assumptions);

}  // namespace model
