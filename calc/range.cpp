#include "calc/range.hpp"

#include <algorithm>
#include <cstdint>

namespace calc {

std::optional<PoundRange> range_of(const ServiceResult& result) {
    // Sorted as whole pence (the GUI asks every frame); the lowest, the two middle and the
    // highest charges then give range_of(amounts)'s range exactly.
    if (result.charges.empty()) return std::nullopt;
    std::vector<std::int64_t> pence;
    pence.reserve(result.charges.size());
    for (const SchoolCharge& c : result.charges) pence.push_back(c.pennies);
    std::sort(pence.begin(), pence.end());
    const std::size_t n = pence.size();
    const auto money = [](std::int64_t p) { return Decimal::from_units(p, 2); };
    return range_of({money(pence.front()), money(pence[(n - 1) / 2]), money(pence[n / 2]), money(pence.back())});
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
