#pragma once
// The shipped schedules and sample census, compiled into the program.

#include <string>
#include <string_view>
#include <vector>

namespace app {

struct EmbeddedFile {
    std::string_view name;  ///< path in the repository, e.g. "rates/havering/2025-26.toml"
    std::string_view text;
};

const std::vector<EmbeddedFile>& embedded_files();

inline constexpr std::string_view kDefaultRates = "rates/havering/2025-26.toml";
inline constexpr std::string_view kDefaultPrevious = "rates/havering/2024-25.toml";
inline constexpr std::string_view kDefaultCensus = "census/samples/havering-2023.csv";

/// The text of an embedded file; throws std::out_of_range for an unknown name.
std::string_view embedded_text(std::string_view name);

}  // namespace app
