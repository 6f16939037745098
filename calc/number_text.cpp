#include "calc/number_text.hpp"

#include "calc/text.hpp"

#include <optional>
#include <string>

namespace calc {

namespace {

constexpr std::string_view kPound = "\xC2\xA3";  // £ in UTF-8

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool consume(std::string_view& s, std::string_view prefix) {
    if (s.substr(0, prefix.size()) != prefix) return false;
    s.remove_prefix(prefix.size());
    return true;
}

[[noreturn]] void reject(std::string_view original, std::string_view why) {
    throw InvalidNumber(std::string(why) + ": \"" + std::string(original) + "\"");
}

// Whole-number part: plain digits, or 1-3 digits then groups of exactly ",ddd".
std::string read_whole_digits(std::string_view& s, std::string_view original, bool& grouped) {
    std::string digits;
    size_t group = 0;
    grouped = false;
    while (!s.empty() && (is_digit(s.front()) || s.front() == ',')) {
        if (s.front() == ',') {
            if (digits.empty() || (grouped ? group != 3 : group > 3)) reject(original, "misplaced thousands separator");
            // "0,125" or "01,5": a decimal comma, not thousands; "0,125" must never read as 125.
            if (!grouped && digits.front() == '0')
                reject(original, "a comma after a leading 0 (a decimal comma?); write decimals with a point, e.g. 0.125");
            grouped = true;
            group = 0;
        } else {
            digits += s.front();
            ++group;
        }
        s.remove_prefix(1);
    }
    if (grouped && group != 3) reject(original, "misplaced thousands separator");
    return digits;
}

// Plain "123" or "12.345" (what almost every census cell holds): read straight
// into units without building a digit string. Anything else (signs, £, %,
// separators, more than 36 characters, malformed) gives nothing and is left
// to the full reader below, which says what is wrong.
std::optional<Decimal> plain_number(std::string_view s) {
    if (s.empty() || s.size() > 36 || s.front() == '.' || s.back() == '.') return std::nullopt;
    Decimal::Units units = 0;
    int places = 0;
    bool point = false;
    for (char c : s) {
        if (is_digit(c)) {
            units = units * 10 + (c - '0');
            places += point ? 1 : 0;
        } else if (c == '.' && !point) {
            point = true;
        } else {
            return std::nullopt;
        }
    }
    if (places > Decimal::kMaxScale) return std::nullopt;
    return Decimal::from_units(units, places);
}

}  // namespace

NumberText parse_number(std::string_view text) {
    const std::string_view original = text;
    std::string_view s = trim(text);
    if (s.empty()) reject(original, "empty where a number is expected");
    if (const auto plain = plain_number(s)) {
        NumberText out;
        out.value = *plain;
        return out;
    }

    NumberText out;
    bool negative = false;
    if (s.front() == '(') {
        if (s.back() != ')') reject(original, "unbalanced parenthesis");
        s = trim(s.substr(1, s.size() - 2));
        negative = true;
    }
    if (!negative && (s.front() == '-' || s.front() == '+')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    out.currency = consume(s, kPound);
    if (!s.empty() && s.back() == '%') {
        out.percent = true;
        s.remove_suffix(1);
    }
    if (out.percent && out.currency) reject(original, "both a £ sign and a % sign");

    std::string digits = read_whole_digits(s, original, out.grouped);
    int places = 0;
    if (consume(s, ".")) {
        while (!s.empty() && is_digit(s.front())) {
            digits += s.front();
            ++places;
            s.remove_prefix(1);
        }
        if (places == 0) reject(original, "no digits after the decimal point");
    }
    if (!s.empty()) reject(original, "not a number");
    if (digits.empty()) reject(original, "no digits");
    if (out.percent) places += 2;
    if (places > Decimal::kMaxScale) reject(original, "more than " + std::to_string(Decimal::kMaxScale) + " decimal places");

    const size_t first = digits.find_first_not_of('0');
    const size_t significant = first == std::string::npos ? 0 : digits.size() - first;
    if (significant > 38) reject(original, "too many digits (at most 38)");
    Decimal::Units units = 0;  // at most 38 digits: fits the native 128-bit units
    for (size_t i = first == std::string::npos ? digits.size() : first; i < digits.size(); ++i)
        units = units * 10 + (digits[i] - '0');
    out.value = Decimal::from_units(negative ? Decimal::Units(-units) : units, places);
    return out;
}

}  // namespace calc
