#pragma once
// Loading an LA's history file (TOML): decisions, earlier rates, service
// figures and formula values for `dedeleg paper --history`.

#include "rates/history.hpp"

#include <string>
#include <string_view>

namespace rates {

/// Reads a history file (see README "History file format"). Throws
/// calc::InputError listing every problem as file:line: key: message;
/// unknown keys are refused.
History load_history(std::string_view text, const std::string& file);
History load_history_file(const std::string& path);

}  // namespace rates
