#pragma once
// The rates a service actually charges each phase: its per-phase rates, or
// for a budget-first service the rate its budget gives on this census.

#include "calc/money.hpp"
#include "calc/schedule.hpp"
#include "calc/school.hpp"

#include <array>
#include <optional>
#include <utility>
#include <vector>

namespace calc {

/// Per phase (indexed by index_of(Phase)): the factors and rates a school of
/// that phase is charged, in the schedule's order.
using RatesByPhase = std::array<std::vector<std::pair<Factor, Rate>>, kPhaseCount>;

/// How a budget-first rate is found, as a paper shows it:
/// budget ÷ base = quotient → rate (rounded) → raised (rate × base), and the
/// difference from the budget.
struct BudgetWorking {
    std::optional<Phase> phase;  ///< the phase this budget is for; none = every phase together
    Factor basis = Factor::AWPU;
    Decimal budget;              ///< pounds
    Decimal base;                ///< the basis count over the schools the service charges (exact)
    Decimal rate;                ///< budget ÷ base to `places` with `round`; 0 when the base is 0
    int places = 2;
    RoundingMode round = RoundingMode::up;

    /// rate × base, exact: what the rate raises before each school's charge is rounded.
    Decimal raised() const { return rate * base; }
    /// raised − budget: above zero when the rounding raises more than the budget.
    Decimal difference() const { return raised() - budget; }
};

/// The working of each budget of a budget-first option on `census` (one, or
/// one per phase with phase budgets); empty when `option` is rate-first.
std::vector<BudgetWorking> budget_working(const Census& census, const Service& service, const RateOption& option);

/// Every phase's rates under `option` on `census`: RateOption::rates_for()
/// for a rate-first option, the budget's rate on its basis for a budget-first one.
RatesByPhase effective_rates(const Census& census, const Service& service, const RateOption& option);

/// The rate a school of `phase` is charged for `factor` under `option` on
/// `census` (the GUI's "effective rate" of a cell), or none.
std::optional<Rate> effective_rate(const Census& census, const Service& service, const RateOption& option, Factor factor,
                                   Phase phase);

/// The count of `basis` over the schools `service` charges (exempt schools and
/// academies excluded), of one phase or of all: a budget's base, and the
/// pupils or places a published paper says a service is charged on.
Decimal charged_base(const Census& census, const Service& service, Factor basis, std::optional<Phase> phase);

/// The budget-first rate for one budget: `budget` ÷ `base` to `places` with
/// `round`; 0 when `base` is 0 (no school to charge). The one formula.
Decimal budget_rate(const Decimal& budget, const Decimal& base, int places, RoundingMode round);

}  // namespace calc
