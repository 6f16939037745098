#pragma once
// Loading a rate schedule (TOML) into plain data.

#include "calc/schedule.hpp"

#include <string>
#include <string_view>

namespace rates {

/// Reads a schedule (see README "Rate schedule format"). Rates may be TOML
/// strings ("40.49", "£40.49") or numbers (40.49); a number is read from the
/// text the user typed, never through binary floating point. At most 4
/// decimal places. Throws calc::InputError listing every problem as
/// file:line: key: message.
calc::Schedule load_schedule(std::string_view text, const std::string& file);

/// The same, reading the file at `path`.
calc::Schedule load_schedule_file(const std::string& path);

/// The id of a service's first rate option (the one written directly on the service).
inline constexpr std::string_view kMainOptionId = "proposed";

}  // namespace rates
