#pragma once
// A fast exact accumulator for the engine's totals.

#include "calc/decimal.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace calc {

/// Adds exact amounts and gives the same Decimal, value and scale, that adding
/// them one by one with `+` gives. Terms of up to kScale places (a rate's 4 ×
/// a count's 12) are brought to kScale places and added as integers, so no
/// term pays for aligning scales; a term with more places, or a sum too large
/// for that, switches the rest to Decimal `+` (which refuses overflow as ever).
class ExactSum {
public:
    static constexpr int kScale = 16;

    void add(const Decimal& term) {
        Decimal::Units sum;
        // A 64-bit term × at most 10^16 (< 2^54) cannot overflow 127 bits; only the add is checked.
        if (!slow_ && term.scale() <= kScale && term.units() >= INT64_MIN && term.units() <= INT64_MAX &&
            !__builtin_add_overflow(units_, term.units() * kPowers[kScale - term.scale()], &sum) &&
            sum > -std::numeric_limits<Decimal::Units>::max()) {
            units_ = sum;
            max_scale_ = std::max(max_scale_, term.scale());
            return;
        }
        if (!slow_) {
            sum_ = value();
            slow_ = true;
        }
        sum_ += term;
    }
    ExactSum& operator+=(const Decimal& term) {
        add(term);
        return *this;
    }
    /// The sum at the largest scale of its terms (0 for no terms), as `+` would give it.
    Decimal value() const {
        if (slow_) return sum_;
        return Decimal::from_units(units_, kScale).round(max_scale_, RoundingMode::down);  // exact: no digit beyond
    }

private:
    static constexpr long long kPowers[kScale + 1] = {1,
                                                      10,
                                                      100,
                                                      1000,
                                                      10000,
                                                      100000,
                                                      1000000,
                                                      10000000,
                                                      100000000,
                                                      1000000000,
                                                      10000000000,
                                                      100000000000,
                                                      1000000000000,
                                                      10000000000000,
                                                      100000000000000,
                                                      1000000000000000,
                                                      10000000000000000};
    Decimal::Units units_ = 0;  // at kScale places
    int max_scale_ = 0;
    bool slow_ = false;
    Decimal sum_;
};

}  // namespace calc
