#pragma once
// Exact decimal numbers for money, rates and pupil counts.

#include "calc/rounding.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace calc {

/// The native 128-bit integers exact money is held in (GCC and Clang have them
/// on every 64-bit target; __extension__ keeps -Wpedantic quiet).
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

/// Raised when a result does not fit (a magnitude of 2^127 or more, about
/// 1.7 × 10^38, or a scale above Decimal::kMaxScale). Never a silent wrap.
struct DecimalOverflow : std::overflow_error {
    using std::overflow_error::overflow_error;
};

/// An exact decimal number: value = units × 10^-scale.
/// units is the machine's native 128-bit integer (every 38-digit number fits),
/// each operation checked with the compiler's overflow builtins and refused
/// with DecimalOverflow, never wrapped; -2^127 is refused too, so negation is
/// always exact. scale is 0..kMaxScale. 32 bytes, no heap. Arithmetic is
/// exact; the only operation that loses digits is round(), which names its
/// mode. Two values compare equal when they are numerically equal (2.5 == 2.50).
class Decimal {
public:
    using Units = Int128;
    static constexpr int kMaxScale = 30;

    Decimal() = default;
    Decimal(long long whole) : units_(whole), scale_(0) {}  // NOLINT: whole numbers convert
    static Decimal from_units(Units units, int scale) {
        if (scale < 0 || scale > kMaxScale || units == kMinUnits) refuse_units(scale);
        return raw(units, scale);
    }

    Units units() const { return units_; }
    int scale() const { return scale_; }
    int sign() const { return units_ < 0 ? -1 : (units_ > 0 ? 1 : 0); }
    bool is_zero() const { return units_ == 0; }

    /// The same value with `scale` decimal places; throws if that would lose digits.
    Decimal with_scale(int scale) const { return scale == scale_ ? *this : rescaled(scale); }
    /// The same value with trailing zeros after the point removed (2.50 -> 2.5).
    Decimal normalized() const;
    /// Decimal places needed to write the value exactly (2.50 -> 1).
    int significant_places() const { return normalized().scale_; }

    /// Rounds to `places` decimal places (may be negative: -3 rounds to thousands).
    Decimal round(int places, RoundingMode mode) const;

    Decimal operator-() const { return from_units(-units_, scale_); }  // never overflows: see class comment
    // The common cases (equal scales; money-sized factors) are inline and
    // need no overflow routine; the rest is out of line, checked the same way.
    friend Decimal operator+(const Decimal& a, const Decimal& b) {
        Units sum;
        if (a.scale_ == b.scale_ && !__builtin_add_overflow(a.units_, b.units_, &sum) && sum != kMinUnits)
            return raw(sum, a.scale_);
        // Two 64-bit values at most 18 places apart: aligned and added in 127 bits without overflow.
        if (fits_64(a.units_) && fits_64(b.units_)) {
            const int gap = a.scale_ - b.scale_;
            if (gap > 0 && gap <= 18) return raw(a.units_ + b.units_ * kPowers64[gap], a.scale_);
            if (gap < 0 && gap >= -18) return raw(a.units_ * kPowers64[-gap] + b.units_, b.scale_);
        }
        return add_slow(a, b);
    }
    friend Decimal operator-(const Decimal& a, const Decimal& b) { return a + (-b); }
    friend Decimal operator*(const Decimal& a, const Decimal& b) {
        if (fits_64(a.units_) && fits_64(b.units_) && a.scale_ + b.scale_ <= kMaxScale)
            return raw(a.units_ * b.units_, a.scale_ + b.scale_);  // |product| < 2^126: cannot overflow
        return multiply_slow(a, b);
    }
    Decimal& operator+=(const Decimal& b) { return *this = *this + b; }
    Decimal& operator-=(const Decimal& b) { return *this = *this - b; }

    /// -1, 0 or 1; inline where the scales are equal (the common case), else aligned exactly.
    friend int compare(const Decimal& a, const Decimal& b) {
        if (a.scale_ == b.scale_) return a.units_ < b.units_ ? -1 : (a.units_ == b.units_ ? 0 : 1);
        return compare_scaled(a, b);
    }
    friend int compare_scaled(const Decimal& a, const Decimal& b);
    friend bool operator==(const Decimal& a, const Decimal& b) { return compare(a, b) == 0; }
    friend bool operator<(const Decimal& a, const Decimal& b) { return compare(a, b) < 0; }
    friend bool operator>(const Decimal& a, const Decimal& b) { return compare(a, b) > 0; }
    friend bool operator<=(const Decimal& a, const Decimal& b) { return compare(a, b) <= 0; }
    friend bool operator>=(const Decimal& a, const Decimal& b) { return compare(a, b) >= 0; }

    /// Exact text, as many places as the scale: "40.49", "-0.125", "17466".
    std::string to_string() const;
    /// Exact text with exactly `places` decimals (pads zeros; throws if digits would be lost).
    std::string to_fixed(int places) const;

private:
    static constexpr Units kMinUnits = static_cast<Units>(static_cast<UInt128>(1) << 127);  // -2^127: refused
    static constexpr long long kPowers64[19] = {1LL,
                                                1'0LL,
                                                1'00LL,
                                                1'000LL,
                                                1'0000LL,
                                                1'00000LL,
                                                1'000000LL,
                                                1'0000000LL,
                                                1'00000000LL,
                                                1'000000000LL,
                                                1'0000000000LL,
                                                1'00000000000LL,
                                                1'000000000000LL,
                                                1'0000000000000LL,
                                                1'00000000000000LL,
                                                1'000000000000000LL,
                                                1'0000000000000000LL,
                                                1'00000000000000000LL,
                                                1'000000000000000000LL};
    static constexpr bool fits_64(Units u) { return u >= INT64_MIN && u <= INT64_MAX; }
    // A value already known valid (scale in range, units not -2^127).
    static Decimal raw(Units units, int scale) {
        Decimal d;
        d.units_ = units;
        d.scale_ = scale;
        return d;
    }
    [[noreturn]] static void refuse_units(int scale);
    Decimal rescaled(int scale) const;
    static Decimal add_slow(const Decimal& a, const Decimal& b);
    static Decimal multiply_slow(const Decimal& a, const Decimal& b);

    Units units_ = 0;
    int scale_ = 0;
};

/// a / b rounded to `places` decimal places with `mode` (the only division).
Decimal divide(const Decimal& a, const Decimal& b, int places, RoundingMode mode);

/// a × b rounded to `places` (0..kMaxScale) with `mode`, exactly as
/// (a * b).round(places, mode) would give, but also when the exact product
/// has more than kMaxScale places (a rate of 30 places times a fraction of
/// 6): only the digits must fit. A compounding that is rounded each step
/// calls this, so its scale never grows. Throws DecimalOverflow when the
/// product's digits do not fit in 38.
Decimal multiply_rounded(const Decimal& a, const Decimal& b, int places, RoundingMode mode);

/// 10^n; throws DecimalOverflow past 10^38.
Decimal::Units power_of_ten(int n);

/// The digits of a non-negative units value ("0", "17466"), written without
/// allocation into `out` (at least 40 bytes); returns the end.
char* write_digits(UInt128 magnitude, char* out);

}  // namespace calc
