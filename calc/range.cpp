#include "calc/range.hpp"

#include <algorithm>

namespace calc {

std::optional<PoundRange> range_of(const ServiceResult& result) {
    std::vector<Decimal> amounts;
    amounts.reserve(result.charges.size());
    for (const SchoolCharge& c : result.charges) amounts.push_back(c.amount().value);
    return range_of(std::move(amounts));
}

std::optional<PoundRange> range_of(std::vector<Decimal> amounts) {
    if (amounts.empty()) return std::nullopt;
    std::sort(amounts.begin(), amounts.end());

    const std::size_t n = amounts.size();
    Decimal median = amounts[n / 2];
    if (n % 2 == 0) median = divide(amounts[n / 2 - 1] + amounts[n / 2], Decimal(2), 3, RoundingMode::half_up);
    const auto pounds = [](const Decimal& d) { return d.round(0, RoundingMode::half_up); };
    return PoundRange{pounds(amounts.front()), pounds(median), pounds(amounts.back())};
}

}  // namespace calc
