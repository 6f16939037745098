#pragma once
// Census counts a charge needs and the census does not give: a cell with no
// count (blank, z, x, c), or no such column at all.

#include "calc/diagnostic.hpp"
#include "calc/effective_rates.hpp"
#include "calc/schedule.hpp"
#include "calc/school.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace calc {

/// The factors `rates` (effective_rates() of `option` of `service` on this
/// census) charge `school` on whose census cell held no count, in rate order;
/// none when the school is not charged or has every count. A factor the
/// school is not charged on (an academy, a special school's pupil factors, a
/// zero rate) needs no count, except a budget-first option's basis: its count
/// over every charged school is what the budget is spread over.
std::vector<Factor> missing_factors(const School& school, const Service& service, const RateOption& option,
                                    const RatesByPhase& rates);

/// Collects the problems missing_factors() finds, school by school. A cell is
/// a problem of its own (`census.csv:12: FSM: blank, but "Free school meals
/// eligibility checking" charges this maintained primary per FSM pupil`); a
/// column the census lacks is one problem at the header, naming every service
/// and phase that needs it (`census.csv:1: FSM: no such column in the census,
/// but "..." charges maintained primary schools per FSM pupil; ...`).
class MissingCounts {
public:
    explicit MissingCounts(const Census& census) : census_(census) {}
    /// True, and the problem kept, when `school` lacks a count `option` of `service` needs.
    bool check(const School& school, const Service& service, const RateOption& option, const RatesByPhase& rates);
    bool empty() const { return cells_.empty() && absent_.empty(); }
    /// Every problem kept: the absent columns first (in factor order), then the cells.
    std::vector<Diagnostic> problems() const;

private:
    struct AbsentUse {  // a service that needs an absent column, and the phases it charges on it
        const Service* service;
        std::array<bool, kPhaseCount> phases{};
    };
    const Census& census_;
    std::vector<Diagnostic> cells_;
    std::array<std::vector<AbsentUse>, kFactorCount> absent_by_factor_{};
    std::vector<Factor> absent_;  // factors with uses, in the order first found
};

/// Every such problem over every option of every service, one per school and
/// service (one per column where the census lacks the column).
std::vector<Diagnostic> missing_counts(const Census& census, const Schedule& schedule);

}  // namespace calc
