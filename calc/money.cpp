#include "calc/money.hpp"

#include "calc/number_text.hpp"
#include "calc/text.hpp"

#include <algorithm>
#include <stdexcept>

namespace calc {

std::optional<std::string> rate_problem(const Decimal& rate) {
    if (rate.sign() < 0) return "a rate cannot be negative";
    if (rate.significant_places() > kMaxRatePlaces)
        return "a rate has at most " + std::to_string(kMaxRatePlaces) + " decimal places";
    return std::nullopt;
}

std::optional<std::string> separator_problem(std::string_view typed, Factor factor) {
    if (row_of(factor).source == CountSource::one) return std::nullopt;  // a sum per school: budget-sized
    try {
        if (!parse_number(typed).grouped) return std::nullopt;
    } catch (const InvalidNumber&) {
        return std::nullopt;
    }
    const std::string text(trim(typed));
    std::string plain;
    for (char c : text)
        if (c != ',') plain += c;
    std::string hint = "write " + plain;
    if (std::count(text.begin(), text.end(), ',') == 1 && text.find('.') == std::string::npos) {
        std::string decimal = text;
        decimal[decimal.find(',')] = '.';
        hint += " or " + decimal;
    }
    return std::string("a thousands separator in a ") + (row_of(factor).source == CountSource::places ? "per-place" : "per-pupil") +
           " rate is ambiguous: \"" + text + "\": " + hint;
}

Decimal present_to(const Decimal& amount, long long pounds, RoundingMode mode) {
    int places = 0;
    for (long long p = pounds; p > 1; p /= 10) {
        if (p % 10 != 0) throw std::invalid_argument("presentation precision must be 1, 10, 100, 1000...");
        --places;
    }
    if (pounds < 1) throw std::invalid_argument("presentation precision must be 1, 10, 100, 1000...");
    return amount.round(places, mode);
}

}  // namespace calc
