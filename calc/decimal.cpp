#include "calc/decimal.hpp"

#include <algorithm>
#include <cstdint>
#include <array>
#include <charconv>
#include <limits>

namespace calc {

namespace {

using Units = Decimal::Units;
using Magnitude = UInt128;

constexpr int kMaxPower = 38;  // 10^38 < 2^127 - 1 < 10^39
constexpr Units kMinUnits = std::numeric_limits<Units>::min();  // refused: its negation does not fit

[[noreturn]] void overflow() { throw DecimalOverflow("number too large for an exact decimal (over 38 digits)"); }

Units checked_add(Units a, Units b) {
    Units r;
    if (__builtin_add_overflow(a, b, &r) || r == kMinUnits) overflow();
    return r;
}

bool fits_64(Units u) { return u >= INT64_MIN && u <= INT64_MAX; }  // NOLINT: the class has its own

Units checked_mul(Units a, Units b) {
    // Two 64-bit factors cannot overflow 127 bits: multiply without the checked
    // 128-bit routine (a library call) in the common, money-sized case.
    if (fits_64(a) && fits_64(b)) return a * b;
    Units r;
    if (__builtin_mul_overflow(a, b, &r) || r == kMinUnits) overflow();
    return r;
}

Magnitude magnitude(Units u) { return u < 0 ? -static_cast<Magnitude>(u) : static_cast<Magnitude>(u); }

constexpr std::array<Units, kMaxPower + 1> kPowers = [] {
    std::array<Units, kMaxPower + 1> table{};
    table[0] = 1;
    for (std::size_t i = 1; i < table.size(); ++i) table[i] = table[i - 1] * 10;
    return table;
}();

}  // namespace

Units power_of_ten(int n) {
    if (n < 0 || n > kMaxPower) throw DecimalOverflow("10^" + std::to_string(n) + " is out of range");
    return kPowers[static_cast<std::size_t>(n)];
}

char* write_digits(Magnitude magnitude, char* out) {
    if ((magnitude >> 64) == 0) return std::to_chars(out, out + 40, static_cast<std::uint64_t>(magnitude)).ptr;
    char reversed[40];
    int n = 0;
    do {
        reversed[n++] = static_cast<char>('0' + static_cast<int>(magnitude % 10));
        magnitude /= 10;
    } while (magnitude != 0);
    while (n > 0) *out++ = reversed[--n];
    return out;
}

void Decimal::refuse_units(int scale) {
    if (scale < 0 || scale > kMaxScale) throw DecimalOverflow("more than " + std::to_string(kMaxScale) + " decimal places");
    overflow();
}

Decimal Decimal::rescaled(int scale) const {
    if (scale > scale_) return from_units(checked_mul(units_, power_of_ten(scale - scale_)), scale);
    Decimal rounded = round(scale, RoundingMode::down);
    if (rounded != *this) throw std::invalid_argument(to_string() + " has more than " + std::to_string(scale) + " decimal places");
    return rounded;
}

Decimal Decimal::normalized() const {
    Units u = units_;
    int s = scale_;
    if (fits_64(u)) {  // in 64 bits: a 128-bit division is a library call
        auto small = static_cast<std::int64_t>(u);
        while (s > 0 && small % 10 == 0 && small != 0) {
            small /= 10;
            --s;
        }
        if (small == 0) s = 0;
        return from_units(small, s);
    }
    while (s > 0 && u % 10 == 0) {
        u /= 10;
        --s;
    }
    return from_units(u, s);
}

namespace {

// |n| / d rounded to a whole number with `mode`, for a quotient whose sign
// is `negative`; d > 0. The one rounding rule behind round() and divide().
// Magnitudes are unsigned so the working has 128 bits (a divisor scaled up
// may pass 2^127 while the quotient still fits).
Units divide_rounded(Magnitude n, Magnitude d, bool negative, RoundingMode mode) {
    // Money-sized operands divide in 64 bits (a 128-bit division is a library call).
    const bool narrow = (n >> 64) == 0 && (d >> 64) == 0;
    Magnitude quotient = narrow ? static_cast<std::uint64_t>(n) / static_cast<std::uint64_t>(d) : n / d;
    const Magnitude r = narrow ? static_cast<std::uint64_t>(n) % static_cast<std::uint64_t>(d) : n % d;
    if (r != 0) {
        // Compare the discarded part with one half of d, without forming 2 × r.
        const int vs_half = r < d - r ? -1 : (r == d - r ? 0 : 1);
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
        if (away) ++quotient;
    }
    if (quotient > static_cast<Magnitude>(std::numeric_limits<Units>::max())) overflow();
    return negative ? -static_cast<Units>(quotient) : static_cast<Units>(quotient);
}

Magnitude checked_mul(Magnitude a, Magnitude b) {
    Magnitude r;
    if (__builtin_mul_overflow(a, b, &r)) overflow();
    return r;
}

}  // namespace

Decimal Decimal::round(int places, RoundingMode mode) const {
    const int shift = scale_ - places;
    if (shift <= 0) return places >= 0 ? with_scale(places) : *this;
    Units quotient = 0;
    if (shift <= kMaxPower) {
        quotient = divide_rounded(magnitude(units_), static_cast<Magnitude>(power_of_ten(shift)), units_ < 0, mode);
    } else if (units_ != 0) {
        // |value| is far below half a unit of the kept place: only the
        // directed modes move it off zero.
        const bool negative = units_ < 0;
        const bool away = mode == RoundingMode::up || (mode == RoundingMode::ceiling && !negative) ||
                          (mode == RoundingMode::floor && negative);
        if (away) quotient = negative ? -1 : 1;
    }
    if (places >= 0) return from_units(quotient, places);
    return from_units(checked_mul(quotient, power_of_ten(-places)), 0);
}

Decimal divide(const Decimal& a, const Decimal& b, int places, RoundingMode mode) {
    if (b.is_zero()) throw std::domain_error("division by zero");
    // a / b = (a.units / b.units) × 10^(b.scale - a.scale); we want `places` decimals.
    const int exponent = places + b.scale() - a.scale();
    Magnitude n = magnitude(a.units());
    Magnitude d = magnitude(b.units());
    if (exponent >= 0) n = checked_mul(n, static_cast<Magnitude>(power_of_ten(exponent)));
    else d = checked_mul(d, static_cast<Magnitude>(power_of_ten(-exponent)));
    return Decimal::from_units(divide_rounded(n, d, (a.sign() < 0) != (b.sign() < 0), mode), places);
}

Decimal multiply_rounded(const Decimal& a, const Decimal& b, int places, RoundingMode mode) {
    const int scale = a.scale() + b.scale();
    if (scale <= Decimal::kMaxScale) return (a * b).round(places, mode);
    // The product's units at `scale` places, divided down to `places` with the one rounding rule.
    if (places < 0 || places > Decimal::kMaxScale) throw DecimalOverflow("cannot round to " + std::to_string(places) + " places");
    const Magnitude units = checked_mul(magnitude(a.units()), magnitude(b.units()));
    const bool negative = (a.sign() < 0) != (b.sign() < 0);
    const int shift = scale - places;
    if (shift <= kMaxPower)
        return Decimal::from_units(divide_rounded(units, static_cast<Magnitude>(power_of_ten(shift)), negative, mode), places);
    // 10^shift exceeds any 128-bit units: a nonzero product is below half a unit of the kept place,
    // as in round().
    const bool away = units != 0 && (mode == RoundingMode::up || (mode == RoundingMode::ceiling && !negative) ||
                                     (mode == RoundingMode::floor && negative));
    return Decimal::from_units(away ? (negative ? -1 : 1) : 0, places);
}

Decimal Decimal::add_slow(const Decimal& a, const Decimal& b) {
    if (a.scale_ == b.scale_) return Decimal::from_units(checked_add(a.units_, b.units_), a.scale_);
    if (a.scale_ < b.scale_)
        return Decimal::from_units(checked_add(checked_mul(a.units_, kPowers[static_cast<std::size_t>(b.scale_ - a.scale_)]), b.units_),
                                   b.scale_);
    return Decimal::from_units(checked_add(a.units_, checked_mul(b.units_, kPowers[static_cast<std::size_t>(a.scale_ - b.scale_)])),
                               a.scale_);
}

Decimal Decimal::multiply_slow(const Decimal& a, const Decimal& b) {
    Units units = checked_mul(a.units_, b.units_);
    int scale = a.scale_ + b.scale_;
    // Trailing zeros beyond the largest scale carry no value; anything else is an error.
    while (scale > Decimal::kMaxScale && units % 10 == 0) {
        units /= 10;
        --scale;
    }
    return Decimal::from_units(units, scale);
}

int compare_scaled(const Decimal& a, const Decimal& b) {
    if (a.sign() != b.sign()) return a.sign() < b.sign() ? -1 : 1;
    const int scale = std::max(a.scale_, b.scale_);
    Units x = a.units_;
    Units y = b.units_;
    // The one with fewer places is scaled up; if that overflows it is the larger in magnitude.
    if (a.scale_ < scale && __builtin_mul_overflow(x, kPowers[static_cast<std::size_t>(scale - a.scale_)], &x))
        return a.sign() > 0 ? 1 : -1;
    if (b.scale_ < scale && __builtin_mul_overflow(y, kPowers[static_cast<std::size_t>(scale - b.scale_)], &y))
        return b.sign() > 0 ? -1 : 1;
    return x < y ? -1 : (x == y ? 0 : 1);
}

std::string Decimal::to_string() const {
    char buffer[80];
    char* end = write_digits(magnitude(units_), buffer + 1);
    std::string digits(buffer + 1, end);
    if (static_cast<int>(digits.size()) <= scale_)
        digits.insert(0, static_cast<size_t>(scale_ + 1) - digits.size(), '0');
    if (scale_ > 0) digits.insert(digits.size() - static_cast<size_t>(scale_), ".");
    return units_ < 0 ? "-" + digits : digits;
}

std::string Decimal::to_fixed(int places) const { return with_scale(places).to_string(); }

}  // namespace calc
