#pragma once
// THE formula: one school's charge for one service.

#include "calc/eligibility.hpp"
#include "calc/money.hpp"
#include "calc/rounding_policy.hpp"
#include "calc/school.hpp"

#include <utility>
#include <vector>

namespace calc {

/// One school's charge for one service: the exact sum, and the pennies the
/// rounding policy makes of it.
struct Charge {
    ExactAmount exact;
    Money amount;
};

/// For each factor of `rates` (a phase's rates) that applies to `school`:
/// count_of × rate, exact, handed to `on_factor(entry, count, amount)`; then
/// the charge rounded by `policy` (the exact sum once, or each factor's amount
/// at the per-factor point). calculate_service() and breakdown() both call
/// this, so the formula exists once. `at` points at the factor being charged
/// while its amount is formed (null after), so an overflow can be located.
/// Eligibility (is_charged) is the caller's.
template <class OnFactor>
Charge charge(const School& school, const std::vector<std::pair<Factor, Rate>>& rates, const RoundingPolicy& policy,
              OnFactor&& on_factor, const std::pair<Factor, Rate>*& at) {
    Charge result{ExactAmount{}, Money{Decimal::from_units(0, 2)}};
    const bool per_factor = policy.point == RoundingPoint::per_school_per_factor;
    for (const auto& entry : rates) {
        if (!factor_applies(school, entry.first)) continue;
        at = &entry;
        const Count count{count_of(school, entry.first)};
        const ExactAmount amount = entry.second * count;
        on_factor(entry, count, amount);
        result.exact += amount;
        if (per_factor) result.amount += policy.round(amount);
    }
    at = nullptr;
    if (!per_factor) result.amount = policy.round(result.exact);
    return result;
}

}  // namespace calc
