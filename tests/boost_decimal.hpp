#pragma once
// The engine's previous exact decimal (Boost.Multiprecision checked 128-bit
// magnitude), kept only as the reference the native Decimal is tested against.


#include "calc/rounding.hpp"

#include <boost/multiprecision/cpp_int.hpp>

#include <stdexcept>
#include <string>
#include <string_view>

namespace reference {
using calc::RoundingMode;

/// Raised when a result does not fit (more than 38 significant digits or a
/// scale above Decimal::kMaxScale). Never a silent wrap.
struct DecimalOverflow : std::overflow_error {
    using std::overflow_error::overflow_error;
};

/// An exact decimal number: value = units × 10^-scale.
/// units is a checked integer with a 128-bit magnitude (Boost.Multiprecision), so 38
/// significant digits; scale is 0..kMaxScale. Arithmetic is exact; the only
/// operation that loses digits is round(), which names its mode. Two values
/// compare equal when they are numerically equal (2.5 == 2.50).
class Decimal {
public:
    using Units = boost::multiprecision::checked_int128_t;
    static constexpr int kMaxScale = 30;

    Decimal() = default;
    Decimal(long long whole) : units_(whole), scale_(0) {}  // NOLINT: whole numbers convert
    static Decimal from_units(Units units, int scale);

    const Units& units() const { return units_; }
    int scale() const { return scale_; }
    int sign() const { return units_.sign(); }
    bool is_zero() const { return units_ == 0; }

    /// The same value with `scale` decimal places; throws if that would lose digits.
    Decimal with_scale(int scale) const;
    /// The same value with trailing zeros after the point removed (2.50 -> 2.5).
    Decimal normalized() const;
    /// Decimal places needed to write the value exactly (2.50 -> 1).
    int significant_places() const { return normalized().scale_; }

    /// Rounds to `places` decimal places (may be negative: -3 rounds to thousands).
    Decimal round(int places, RoundingMode mode) const;

    Decimal operator-() const { return from_units(-units_, scale_); }
    friend Decimal operator+(const Decimal& a, const Decimal& b);
    friend Decimal operator-(const Decimal& a, const Decimal& b) { return a + (-b); }
    friend Decimal operator*(const Decimal& a, const Decimal& b);
    Decimal& operator+=(const Decimal& b) { return *this = *this + b; }
    Decimal& operator-=(const Decimal& b) { return *this = *this - b; }

    friend int compare(const Decimal& a, const Decimal& b);
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
    Units units_ = 0;
    int scale_ = 0;
};

/// a / b rounded to `places` decimal places with `mode` (the only division).
Decimal divide(const Decimal& a, const Decimal& b, int places, RoundingMode mode);

/// 10^n as a checked integer; throws DecimalOverflow past 10^38.
Decimal::Units power_of_ten(int n);

}  // namespace reference
