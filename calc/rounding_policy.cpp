#include "calc/rounding_policy.hpp"

#include "calc/text.hpp"

namespace calc {

namespace {
std::string places_words(int places) {
    if (places == 2) return "the penny";
    if (places == 0) return "the pound";
    return std::to_string(places) + " decimal places";
}
}  // namespace

std::string_view name_of(RoundingPoint point) {
    return point == RoundingPoint::per_school_per_service ? "per-service" : "per-factor";
}

std::optional<RoundingPoint> rounding_point_from_name(std::string_view name) {
    if (equals_ignoring_case(name, "per-service")) return RoundingPoint::per_school_per_service;
    if (equals_ignoring_case(name, "per-factor")) return RoundingPoint::per_school_per_factor;
    return std::nullopt;
}

std::string rounded_words(const RoundingPolicy& policy) {
    std::string words = "rounded " + std::string(name_of(policy.mode)) + " to " + places_words(policy.places);
    return policy.point == RoundingPoint::per_school_per_factor ? words + ", factor by factor" : words;
}

std::string charge_sentence(const RoundingPolicy& policy) {
    const std::string mode(name_of(policy.mode));
    if (policy.point == RoundingPoint::per_school_per_factor)
        return "Each school's charge for a service is the sum of rate × count over its factors, each rounded " + mode +
               " to " + places_words(policy.places) + ".";
    return "Each school's charge for a service is the exact sum of rate × count over its factors, rounded once, " + mode +
           ", to " + places_words(policy.places) + ".";
}

}  // namespace calc
