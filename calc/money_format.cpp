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

void append_plain(std::string& out, const Decimal& amount, int places) {
    const Decimal fixed = amount.with_scale(places);  // throws, as to_fixed does, if digits would be lost
    const Decimal::Units units = fixed.units();
    char digits[48];
    char* end = write_digits(units < 0 ? -static_cast<UInt128>(units) : static_cast<UInt128>(units), digits);
    auto length = static_cast<int>(end - digits);
    if (units < 0) out += '-';
    if (length <= places) {  // 0.05: a leading "0." and zeros
        out += "0.";
        out.append(static_cast<std::size_t>(places - length), '0');
        out.append(digits, end);
        return;
    }
    out.append(digits, end - places);
    if (places > 0) {
        out += '.';
        out.append(end - places, end);
    }
}

}  // namespace calc
