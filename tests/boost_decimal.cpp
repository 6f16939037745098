#include "tests/boost_decimal.hpp"

#include <algorithm>
#include <array>

namespace reference {

namespace {

constexpr int kMaxPower = 38;  // 10^38 < 2^127 - 1 < 10^39

// Runs an integer computation and turns Boost's overflow into ours.
template <class F>
auto checked(F&& compute) {
    try {
        return compute();
    } catch (const std::overflow_error&) {
        throw DecimalOverflow("number too large for an exact decimal (over 38 digits)");
    } catch (const std::range_error&) {
        throw DecimalOverflow("number too large for an exact decimal (over 38 digits)");
    }
}

Decimal::Units abs_units(const Decimal::Units& u) { return u < 0 ? Decimal::Units(-u) : u; }

}  // namespace

Decimal::Units power_of_ten(int n) {
    if (n < 0 || n > kMaxPower) throw DecimalOverflow("10^" + std::to_string(n) + " is out of range");
    // Built once: every add of two scales and every rounding asks for one.
    static const std::array<Decimal::Units, kMaxPower + 1> powers = [] {
        std::array<Decimal::Units, kMaxPower + 1> table{};
        table[0] = 1;
        for (int i = 1; i <= kMaxPower; ++i) table[static_cast<std::size_t>(i)] = table[static_cast<std::size_t>(i - 1)] * 10;
        return table;
    }();
    return powers[static_cast<std::size_t>(n)];
}

Decimal Decimal::from_units(Units units, int scale) {
    if (scale < 0 || scale > kMaxScale)
        throw DecimalOverflow("more than " + std::to_string(kMaxScale) + " decimal places");
    Decimal d;
    d.units_ = std::move(units);
    d.scale_ = scale;
    return d;
}

Decimal Decimal::with_scale(int scale) const {
    if (scale == scale_) return *this;
    if (scale > scale_)
        return from_units(checked([&] { return Units(units_ * power_of_ten(scale - scale_)); }), scale);
    Decimal rounded = round(scale, RoundingMode::down);
    if (rounded != *this) throw std::invalid_argument(to_string() + " has more than " + std::to_string(scale) + " decimal places");
    return rounded;
}

Decimal Decimal::normalized() const {
    Units u = units_;
    int s = scale_;
    while (s > 0 && u % 10 == 0) {
        u /= 10;
        --s;
    }
    return from_units(u, s);
}

namespace {

// n / d rounded to a whole number with `mode`; d > 0. The one rounding rule
// behind round() and divide().
Decimal::Units divide_rounded(const Decimal::Units& n, const Decimal::Units& d, RoundingMode mode) {
    Decimal::Units quotient = n / d;   // truncates toward zero
    const Decimal::Units remainder = n % d;  // same sign as n
    if (remainder == 0) return quotient;
    // Compare the discarded part with one half of d, without forming 2 × remainder.
    const Decimal::Units r = abs_units(remainder);
    const int vs_half = r < d - r ? -1 : (r == d - r ? 0 : 1);
    const bool negative = n < 0;
    bool away = false;
    switch (mode) {
        case RoundingMode::up: away = true; break;
        case RoundingMode::down: away = false; break;
        case RoundingMode::ceiling: away = !negative; break;
        case RoundingMode::floor: away = negative; break;
        case RoundingMode::half_up: away = vs_half >= 0; break;
        case RoundingMode::half_down: away = vs_half > 0; break;
        case RoundingMode::half_even: away = vs_half > 0 || (vs_half == 0 && quotient % 2 != 0); break;
    }
    if (away) quotient += negative ? -1 : 1;
    return quotient;
}

}  // namespace

Decimal Decimal::round(int places, RoundingMode mode) const {
    const int shift = scale_ - places;
    if (shift <= 0) return places >= 0 ? with_scale(places) : *this;
    Units quotient = 0;
    if (shift <= kMaxPower) {
        quotient = divide_rounded(units_, power_of_ten(shift), mode);
    } else if (units_ != 0) {
        // |value| is far below half a unit of the kept place: only the
        // directed modes move it off zero.
        const bool negative = units_ < 0;
        const bool away = mode == RoundingMode::up || (mode == RoundingMode::ceiling && !negative) ||
                          (mode == RoundingMode::floor && negative);
        if (away) quotient = negative ? -1 : 1;
    }
    if (places >= 0) return from_units(quotient, places);
    return from_units(checked([&] { return Units(quotient * power_of_ten(-places)); }), 0);
}

Decimal divide(const Decimal& a, const Decimal& b, int places, RoundingMode mode) {
    if (b.is_zero()) throw std::domain_error("division by zero");
    // a / b = (a.units / b.units) × 10^(b.scale - a.scale); we want `places` decimals.
    const int exponent = places + b.scale() - a.scale();
    Decimal::Units n = a.units();
    Decimal::Units d = b.units();
    if (exponent >= 0) n = checked([&] { return Decimal::Units(n * power_of_ten(exponent)); });
    else d = checked([&] { return Decimal::Units(d * power_of_ten(-exponent)); });
    if (d < 0) {
        n = -n;
        d = -d;
    }
    return Decimal::from_units(divide_rounded(n, d, mode), places);
}

Decimal operator+(const Decimal& a, const Decimal& b) {
    if (a.scale_ == b.scale_)
        return Decimal::from_units(checked([&] { return Decimal::Units(a.units_ + b.units_); }), a.scale_);
    const int scale = std::max(a.scale_, b.scale_);
    const Decimal x = a.with_scale(scale);
    const Decimal y = b.with_scale(scale);
    return Decimal::from_units(checked([&] { return Decimal::Units(x.units_ + y.units_); }), scale);
}

Decimal operator*(const Decimal& a, const Decimal& b) {
    Decimal product;
    product.units_ = checked([&] { return Decimal::Units(a.units_ * b.units_); });
    product.scale_ = a.scale_ + b.scale_;
    // Trailing zeros beyond the largest scale carry no value; anything else is an error.
    while (product.scale_ > Decimal::kMaxScale && product.units_ % 10 == 0) {
        product.units_ /= 10;
        --product.scale_;
    }
    return Decimal::from_units(product.units_, product.scale_);
}

int compare(const Decimal& a, const Decimal& b) {
    if (a.sign() != b.sign()) return a.sign() < b.sign() ? -1 : 1;
    const int scale = std::max(a.scale_, b.scale_);
    try {
        const Decimal x = a.with_scale(scale);
        const Decimal y = b.with_scale(scale);
        return x.units_ < y.units_ ? -1 : (x.units_ == y.units_ ? 0 : 1);
    } catch (const DecimalOverflow&) {
        // The one that had to be scaled up is the larger in magnitude.
        const bool a_larger = a.scale_ < scale;
        return (a_larger == (a.sign() > 0)) ? 1 : -1;
    }
}

std::string Decimal::to_string() const {
    std::string digits = abs_units(units_).str();
    if (static_cast<int>(digits.size()) <= scale_)
        digits.insert(0, static_cast<size_t>(scale_ + 1) - digits.size(), '0');
    if (scale_ > 0) digits.insert(digits.size() - static_cast<size_t>(scale_), ".");
    return units_ < 0 ? "-" + digits : digits;
}

std::string Decimal::to_fixed(int places) const { return with_scale(places).to_string(); }

}  // namespace reference
