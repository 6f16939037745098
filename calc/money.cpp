#include "calc/money.hpp"

#include <stdexcept>

namespace calc {

std::optional<std::string> rate_problem(const Decimal& rate) {
    if (rate.sign() < 0) return "a rate cannot be negative";
    if (rate.significant_places() > kMaxRatePlaces)
        return "a rate has at most " + std::to_string(kMaxRatePlaces) + " decimal places";
    return std::nullopt;
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
