#pragma once
// Writing a schedule back as TOML, in the same format the loader reads, so a
// scenario saved from the GUI runs in the CLI unchanged.

#include "calc/schedule.hpp"

#include <string>

namespace rates {

/// TOML text for `schedule`. Rates are written as strings with every digit
/// they have; load_schedule(write_schedule(s)) gives back s.
std::string write_schedule(const calc::Schedule& schedule);

}  // namespace rates
