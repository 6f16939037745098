#include "calc/diagnostic.hpp"

#include <string_view>

namespace calc {

namespace {

// Bytes of a character that could move a terminal's cursor, change its
// colours or reorder the line (calc::control_character_in's set): 1 for a C0
// control or DEL, 2 for a C1 control, 3 for a bidirectional control or a
// byte-order mark; else 0.
std::size_t hidden_length(std::string_view text, std::size_t i) {
    const auto at = [&](std::size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
    const unsigned b = at(i);
    if (b < 0x20 || b == 0x7F) return 1;
    if (b == 0xC2 && at(i + 1) >= 0x80 && at(i + 1) <= 0x9F) return 2;
    if (b == 0xE2 && ((at(i + 1) == 0x80 && at(i + 2) >= 0xAA && at(i + 2) <= 0xAE) ||
                      (at(i + 1) == 0x81 && at(i + 2) >= 0xA6 && at(i + 2) <= 0xA9)))
        return 3;
    if (b == 0xEF && at(i + 1) == 0xBB && at(i + 2) == 0xBF) return 3;
    return 0;
}

std::string visible(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t hidden = hidden_length(text, i);
        if (hidden == 0) {
            out += text[i++];
            continue;
        }
        for (const std::size_t end = i + hidden; i < end; ++i) {
            static const char kHex[] = "0123456789ABCDEF";
            const auto byte = static_cast<unsigned char>(text[i]);
            out += "\\x";
            out += kHex[byte >> 4];
            out += kHex[byte & 15];
        }
    }
    return out;
}

std::vector<Diagnostic> capped(std::vector<Diagnostic> problems) {
    if (problems.size() <= kMaxProblems) return problems;
    Diagnostic summary{problems.front().file, 0, "",
                       "stopped after " + std::to_string(kMaxProblems) + " problems; fix these and run again"};
    problems.resize(kMaxProblems);
    problems.push_back(std::move(summary));
    return problems;
}

}  // namespace

std::string Diagnostic::to_string() const {
    std::string out = visible(file);
    if (line > 0) out += ":" + std::to_string(line);
    out += ": ";
    if (!column.empty()) out += visible(column) + ": ";
    return out + visible(message);
}

InputError::InputError(std::vector<Diagnostic> problems)
    : std::runtime_error(problems.empty() ? std::string("invalid input") : problems.front().to_string()),
      diagnostics(capped(std::move(problems))) {}

}  // namespace calc
