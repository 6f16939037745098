#include "model/year_label.hpp"

#include <charconv>
#include <cstdio>

namespace model {

std::optional<std::string> next_year(std::string_view label) {
    int start = 0;
    int end = 0;
    if (label.size() != 7 || label[4] != '-') return std::nullopt;
    if (std::from_chars(label.data(), label.data() + 4, start).ec != std::errc{}) return std::nullopt;
    if (std::from_chars(label.data() + 5, label.data() + 7, end).ec != std::errc{}) return std::nullopt;
    if ((start + 1) % 100 != end) return std::nullopt;
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02d", start + 1, (start + 2) % 100);
    return std::string(out);
}

}  // namespace model
