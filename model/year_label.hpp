#pragma once
// Financial-year labels: "2025-26".

#include <optional>
#include <string>
#include <string_view>

namespace model {

/// The year after `label`: "2025-26" -> "2026-27", "2099-00" -> "2100-01".
/// Empty when `label` is not of the form YYYY-YY with consecutive years.
std::optional<std::string> next_year(std::string_view label);

}  // namespace model
