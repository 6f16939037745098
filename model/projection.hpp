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

/// Rounding points of a projection: spend to the pound half up; a rate to
/// the penny rounded up (so the rule raises at least what it means to).
inline constexpr calc::RoundingMode kSpendRounding = calc::RoundingMode::half_up;
inline constexpr calc::RoundingMode kRateRounding = calc::RoundingMode::up;

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
/// for a ledger with no years or year labels that cannot be continued.
Projection project(const Ledger& ledger, const Assumptions& assumptions);

}  // namespace model
