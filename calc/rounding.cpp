#include "calc/rounding.hpp"

namespace calc {

std::string_view name_of(RoundingMode mode) {
    switch (mode) {
        case RoundingMode::half_up: return "half_up";
        case RoundingMode::half_even: return "half_even";
        case RoundingMode::half_down: return "half_down";
        case RoundingMode::up: return "up";
        case RoundingMode::down: return "down";
        case RoundingMode::ceiling: return "ceiling";
        case RoundingMode::floor: return "floor";
    }
    return "?";
}

std::optional<RoundingMode> rounding_mode_from_name(std::string_view name) {
    for (RoundingMode mode : kAllRoundingModes)
        if (name_of(mode) == name) return mode;
    return std::nullopt;
}

std::string_view rounding_mode_names() {
    return "half_up, half_even, half_down, up, down, ceiling, floor";
}

}  // namespace calc
