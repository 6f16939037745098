#include "calc/text.hpp"

namespace calc {

namespace {
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

std::string to_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower(c);
    return out;
}

std::string control_character_in(std::string_view text) {
    auto code = [](unsigned value) {
        static const char kHex[] = "0123456789ABCDEF";
        std::string out = "U+";
        for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(value >> shift) & 15];
        return out;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) return code(b);
        if (b == 0xC2 && i + 1 < text.size()) {  // U+0080..U+009F: C1 controls
            const auto c = static_cast<unsigned char>(text[i + 1]);
            if (c >= 0x80 && c <= 0x9F) return code(c);
        }
        if (b == 0xE2 && i + 2 < text.size()) {
            const auto c1 = static_cast<unsigned char>(text[i + 1]);
            const auto c2 = static_cast<unsigned char>(text[i + 2]);
            const unsigned value = 0x2000u | ((c1 & 0x3Fu) << 6) | (c2 & 0x3Fu);
            if ((value >= 0x202A && value <= 0x202E) || (value >= 0x2066 && value <= 0x2069)) return code(value);
        }
        // U+FEFF: a byte-order mark anywhere but a file's start (where readers take it off) is no text.
        if (b == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBB &&
            static_cast<unsigned char>(text[i + 2]) == 0xBF)
            return code(0xFEFF);
    }
    return {};
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace calc
