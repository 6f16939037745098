#pragma once
// The rates a service actually charges each phase: its per-phase rates, or
// for a budget-first service the rate its budget gives on this census.

#include "calc/diagnostic.hpp"
#include "calc/money.hpp"
#include "calc/rounding_policy.hpp"
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
/// budget ÷ base = quotient → first rate (rounded `round` to `places`); then,
/// if the schools' charges at that rate, each rounded by the schedule's
/// policy, add to less than the budget, the lowest rate above it at `places`
/// whose charges add to at least the budget. So a budget with a base is
/// always met by the pennies charged, by construction.
struct BudgetWorking {
    std::optional<Phase> phase;  ///< the phase this budget is for; none = every phase together
    Factor basis = Factor::AWPU;
    Decimal budget;              ///< pounds
    Decimal base;                ///< the basis count over the schools the service charges (exact)
    Decimal first_rate;          ///< budget ÷ base to `places` with `round`; 0 when the base is 0
    Decimal rate;                ///< the rate charged: first_rate, or raised until the budget is met
    Money first_charged;         ///< the schools' charges at `first_rate`, so rounded, added
    Money charged;               ///< the schools' charges at `rate`, each rounded by the schedule's policy, added
    RoundingPolicy charges_rounded;  ///< the schedule's policy those charges are rounded by
    int places = 2;
    RoundingMode round = RoundingMode::up;
    WrittenAt written_at;        ///< where the schedule writes this budget

    /// rate × base, exact: what the rate raises before each school's charge is rounded.
    Decimal raised() const { return rate * base; }
    /// charged − budget: never below zero for a budget with a base.
    Decimal difference() const { return charged.value - budget; }
    /// Whether the first rate fell short once each school's charge was rounded.
    bool raised_to_meet() const { return rate != first_rate; }
    bool counts_missing = false; ///< a school it is spread over has no count of the basis (the census check names it)
    /// A budget above zero with no count to spread it over: it cannot be met
    /// (effective_rates() refuses it). Not when counts are missing: the census
    /// check refuses those at their line, which says more.
    bool unmet() const { return base.is_zero() && budget.sign() > 0 && !counts_missing; }
};

/// The working of each budget of a budget-first option on `census`, its
/// schools' charges rounded by `charges` (the schedule's rounding policy):
/// one, or one per phase with phase budgets; empty when `option` is
/// rate-first. Never throws for an unmet() budget (the GUI shows it).
std::vector<BudgetWorking> budget_working(const Census& census, const Service& service, const RateOption& option,
                                          const RoundingPolicy& charges);

/// Every phase's rates under `option` on `census`: RateOption::rates_for()
/// for a rate-first option, the budget's rate on its basis for a budget-first
/// one. Throws calc::InputError at the budget's schedule line (naming the
/// service, the phase and the basis factor) for a budget above zero with no
/// count to spread it over.
RatesByPhase effective_rates(const Census& census, const Service& service, const RateOption& option,
                             const RoundingPolicy& charges);

/// The rate a school of `phase` is charged for `factor` under `option` on
/// `census` (the GUI's "effective rate" of a cell), or none.
std::optional<Rate> effective_rate(const Census& census, const Service& service, const RateOption& option, Factor factor,
                                   Phase phase, const RoundingPolicy& charges);

/// The count of `basis` over the schools `service` charges (exempt schools and
/// academies excluded), of one phase or of all: a budget's base, and the
/// pupils or places a published paper says a service is charged on.
Decimal charged_base(const Census& census, const Service& service, Factor basis, std::optional<Phase> phase);

/// The first budget-first rate for one budget: `budget` ÷ `base` to `places`
/// with `round`; 0 when `base` is 0 (no school to charge). The one formula
/// budget_working() starts from.
Decimal budget_rate(const Decimal& budget, const Decimal& base, int places, RoundingMode round);

/// The problem of an unmet() budget of `service`, at its schedule line.
Diagnostic unmet_budget(const BudgetWorking& w, const Service& service);

}  // namespace calc
