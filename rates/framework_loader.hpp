#pragma once
// Loading a school-improvement framework (TOML; see README "School
// improvement"): stages or categories with their activities, how schools are
// placed, fixed costs, the day rate and every assumption with its reason.

#include "model/improvement.hpp"

#include <string>
#include <string_view>

namespace rates {

/// Throws calc::InputError listing every problem as file:line: key: message.
model::Framework load_framework(std::string_view text, const std::string& file);
model::Framework load_framework_file(const std::string& path);

}  // namespace rates
