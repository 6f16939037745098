#include "calc/money_format.hpp"

#include <algorithm>

namespace calc {

std::string group_thousands(const std::string& whole_digits) {
    std::string out;
    const size_t n = whole_digits.size();
    for (size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += ',';
        out += whole_digits[i];
    }
    return out;
}

std::string format_pounds(const Decimal& amount, int places, Negative style) {
    std::string text = (amount.sign() < 0 ? -amount : amount).to_fixed(places);
    const size_t point = text.find('.');
    const std::string whole = text.substr(0, point);
    const std::string fraction = point == std::string::npos ? "" : text.substr(point);
    const std::string body = "\xC2\xA3" + group_thousands(whole) + fraction;
    if (amount.sign() >= 0) return body;
    return style == Negative::parentheses ? "(" + body + ")" : "-" + body;
}

std::string format_pounds_exact(const Decimal& amount, Negative style) {
    return format_pounds(amount, std::max(2, amount.significant_places()), style);
}

std::string format_count(const Decimal& count) {
    const std::string text = (count.sign() < 0 ? -count : count).normalized().to_string();
    const std::size_t point = text.find('.');
    const std::string grouped = group_thousands(text.substr(0, point)) + (point == std::string::npos ? "" : text.substr(point));
    return count.sign() < 0 ? "-" + grouped : grouped;
}

std::string format_plain(const Decimal& amount, int places) { return amount.to_fixed(places); }

}  // namespace calc
