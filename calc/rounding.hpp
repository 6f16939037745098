#pragma once
// Rounding modes: every rounding in dedeleg names one of these.

#include <array>
#include <optional>
#include <string_view>

namespace calc {

/// How a value is brought to fewer decimal places. Names follow the General
/// Decimal Arithmetic specification: `up` is away from zero, `down` toward
/// zero, `ceiling` toward +infinity, `floor` toward -infinity; the `half_*`
/// modes round to nearest and differ only on an exact tie.
enum class RoundingMode { half_up, half_even, half_down, up, down, ceiling, floor };

inline constexpr std::array<RoundingMode, 7> kAllRoundingModes = {
    RoundingMode::half_up, RoundingMode::half_even, RoundingMode::half_down, RoundingMode::up,
    RoundingMode::down,    RoundingMode::ceiling,   RoundingMode::floor};

std::string_view name_of(RoundingMode mode);
std::optional<RoundingMode> rounding_mode_from_name(std::string_view name);
/// "half_up, half_even, ..." for error messages and --help.
std::string_view rounding_mode_names();

}  // namespace calc
