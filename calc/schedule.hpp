#pragma once
// A rate schedule as the engine sees it: plain data, filled by rates/.

#include "calc/factor.hpp"
#include "calc/money.hpp"
#include "calc/rounding.hpp"
#include "calc/rounding_policy.hpp"
#include "calc/school.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace calc {

/// De-delegated services are taken from maintained mainstream schools only;
/// education functions also from maintained special schools (per place).
enum class ServiceKind { de_delegated, education_function };

std::string_view name_of(ServiceKind k);  ///< "de-delegated", "education-function"
std::optional<ServiceKind> service_kind_from_name(std::string_view name);

/// How a rate was set by a rule, as a schedule records it, so the paper can
/// show the working and the loader can check the rate against it.
struct RateDerivation {
    enum class Rule { uplift, target, multiple };
    Rule rule = Rule::uplift;
    Decimal from;                  ///< uplift: the rate raised; multiple: the rate multiplied (when not `of`)
    Decimal by;                    ///< uplift: the rise as a fraction (5.5% = 0.055); multiple: the multiplier
    Decimal target;                ///< target: the total to raise
    Decimal base;                  ///< target: the pupils or places it is spread over
    std::optional<Factor> of;      ///< multiple: of this factor's rate in the same option
    RoundingMode round = RoundingMode::up;
    int places = 2;                ///< the rate's decimal places, 2 to 4 (`places` in the rule)
};

/// One phase's rates in an option: they replace the service-wide rates for
/// schools of that phase, factor by factor (a factor only here is charged to
/// that phase only). `[service.phase_rates.secondary]` in a schedule.
struct PhaseRates {
    Phase phase = Phase::primary;
    std::vector<std::pair<Factor, Rate>> rates;  ///< in the schedule's order
};

/// Where a schedule wrote something (file, line, key), for a problem only a
/// census can show, such as a budget with nothing to spread it over.
struct WrittenAt {
    std::string file;
    long line = 0;
    std::string key;  ///< "contingency.phase_budget.primary"
};

/// A budget-first rate: the total to raise is fixed and the rate is the
/// budget ÷ the basis factor's count over the schools the service charges
/// (exempt schools and academies excluded), rounded to `places` with `round`,
/// then raised a unit of its last place at a time, if need be, until the
/// schools' charges, each rounded by the schedule's policy, add to at least
/// the budget (calc::budget_working()). With per-phase budgets each phase's
/// rate comes from its own budget and its own schools. The rate rises as the
/// base shrinks (schools convert).
struct BudgetRule {
    Factor basis = Factor::AWPU;
    std::optional<Decimal> budget;                        ///< one budget over every phase, in pounds
    std::vector<std::pair<Phase, Decimal>> phase_budgets;  ///< or one per phase (`[service.phase_budget]`)
    int places = 2;                                       ///< 2 to 4 decimal places of the rate
    RoundingMode round = RoundingMode::up;                ///< how budget ÷ base is first rounded
    WrittenAt budget_at;                                  ///< where `budget` (or `[service.phase_budget]`) is written
    std::vector<std::pair<Phase, WrittenAt>> phase_budget_at;  ///< where each phase's budget is written
};

/// One set of rates for a service. A service has one or more; the Forum votes
/// between them (e.g. trade union time unchanged at £2.80, or +5.5% at £2.96).
struct RateOption {
    std::string id;
    std::string label;                           ///< as the paper words it
    std::vector<std::pair<Factor, Rate>> rates;  ///< in the schedule's order; every listed phase
    std::vector<PhaseRates> phase_rates;         ///< per-phase replacements, in the schedule's order
    std::optional<BudgetRule> budget;            ///< budget-first: rates come from the census (effective_rates())
    long long present_to = 1;                    ///< totals shown to the nearest £1, £100, £1,000...
    std::string derivation;                      ///< how the rate was set, in words
    std::vector<std::pair<Factor, RateDerivation>> derived;  ///< rules behind some rates, checked on load

    /// The service-wide rate for `f` (not a phase's replacement), or null.
    const Rate* rate_for(Factor f) const;
    /// The rate a school of `phase` is charged for `f`: the phase's own rate
    /// if it has one, else the service-wide rate, or null. A budget-first
    /// option's rates need the census: use calc::effective_rate().
    const Rate* rate_for(Factor f, Phase phase) const;
    /// Every rate a school of `phase` is charged under this option (not
    /// budget-first), service-wide order first, then factors only the phase has.
    std::vector<std::pair<Factor, Rate>> rates_for(Phase phase) const;
    /// The phase's own replacement rates, or null when it has none.
    const PhaseRates* phase_rates_for(Phase phase) const;
};

struct Service {
    std::string id;  ///< short, stable: "maternity"
    std::string name;
    ServiceKind kind = ServiceKind::de_delegated;
    std::vector<Phase> phases;  ///< phases whose Forum members agreed to it
    std::vector<RateOption> options;
    std::size_t selected = 0;  ///< index into options: what `calc` charges
    /// The option the LA proposes, when the schedule says so (`proposed = "id"`).
    /// Without it a service with several options is the Forum's choice: no
    /// option is called proposed, and `selected` is only what the totals include.
    std::optional<std::size_t> proposed;

    const RateOption& selected_option() const { return options.at(selected); }
    bool covers(Phase p) const;
    /// Several options and none proposed: the Forum chooses between them.
    bool forum_choice() const { return options.size() > 1 && !proposed; }
};

/// A year's de-delegation schedule for one authority.
struct Schedule {
    std::string authority;
    std::string year;
    std::string census_label;  ///< which census the paper's figures use
    RoundingPolicy rounding;   ///< where, to how many places and how each school's charge is rounded
    std::vector<Service> services;

    const Service* find(std::string_view id) const;
};

}  // namespace calc
