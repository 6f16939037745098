#pragma once
// Where, to how many places and how a school's charge is rounded: one policy,
// held by the schedule, applied by calc::charge() and described from here in
// every front end's words.

#include "calc/money.hpp"
#include "calc/rounding.hpp"

#include <string>
#include <string_view>

namespace calc {

/// The point at which exact rate × count amounts become pennies.
enum class RoundingPoint {
    per_school_per_service,  ///< the exact sum over a school's factors, rounded once (the Havering paper's rule)
    per_school_per_factor,   ///< each factor's rate × count rounded, then added
};

std::string_view name_of(RoundingPoint point);                     ///< "per-service", "per-factor"
std::optional<RoundingPoint> rounding_point_from_name(std::string_view name);

/// The one rounding rule of a schedule: point, places (2 = the penny) and mode.
struct RoundingPolicy {
    RoundingPoint point = RoundingPoint::per_school_per_service;
    int places = 2;
    RoundingMode mode = RoundingMode::half_up;

    /// Rounds an exact amount as this policy says (at its places, with its mode).
    Money round(const ExactAmount& amount) const { return {amount.value.round(places, mode).with_scale(2)}; }
    friend bool operator==(const RoundingPolicy&, const RoundingPolicy&) = default;
};

/// "rounded half_up to the penny" (+ ", factor by factor" at the per-factor point).
std::string rounded_words(const RoundingPolicy& policy);
/// The sentence a paper or table opens with: "Each school's charge for a
/// service is the exact sum of rate × count over its factors, rounded once,
/// half_up, to the penny."
std::string charge_sentence(const RoundingPolicy& policy);

}  // namespace calc
