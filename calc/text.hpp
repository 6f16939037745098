#pragma once
// Small text helpers shared by the engine and the loaders.

#include <string>
#include <string_view>

namespace calc {

bool equals_ignoring_case(std::string_view a, std::string_view b);
std::string to_lower(std::string_view s);
std::string_view trim(std::string_view s);

}  // namespace calc
