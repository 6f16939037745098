#pragma once
// Distinct types for rates, counts and money, so a rate can never be used as
// an amount and nothing is rounded without a named mode.

#include "calc/decimal.hpp"
#include "calc/factor.hpp"
#include "calc/rounding.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace calc {

/// Pounds charged per unit of a formula factor (per pupil, per place, per
/// school for LUMP). Exact; schedules hold at most 4 decimal places.
struct Rate {
    Decimal value;
    friend bool operator==(const Rate&, const Rate&) = default;
};

/// Units of a formula factor (pupils, places, schools). Exact and never
/// negative; may be fractional (NOR × proportion is kept unrounded).
struct Count {
    Decimal value;
    friend bool operator==(const Count&, const Count&) = default;
};

/// Money in pounds, exact to any number of places: the product of a rate and
/// a count, or a sum of such products. Becomes Money only through round().
struct ExactAmount {
    Decimal value;
    ExactAmount& operator+=(const ExactAmount& b) { value += b.value; return *this; }
    friend ExactAmount operator+(ExactAmount a, const ExactAmount& b) { return a += b; }
    friend ExactAmount operator-(const ExactAmount& a, const ExactAmount& b) { return {a.value - b.value}; }
    friend bool operator==(const ExactAmount&, const ExactAmount&) = default;
};

/// Money in pounds rounded to the penny (scale 2): what a school is charged.
struct Money {
    Decimal value;  ///< always at scale 2
    Money& operator+=(const Money& b) { value += b.value; return *this; }
    friend Money operator+(Money a, const Money& b) { return a += b; }
    friend Money operator-(const Money& a, const Money& b) { return {a.value - b.value}; }
    friend bool operator==(const Money&, const Money&) = default;
    friend bool operator<(const Money& a, const Money& b) { return a.value < b.value; }
    ExactAmount exact() const { return {value}; }
};

/// Schedules hold rates of at most this many decimal places (more is refused,
/// not rounded: a fifth place would change pennies no paper shows).
inline constexpr int kMaxRatePlaces = 4;

/// Why `rate` cannot be a schedule's rate ("is negative", "has more than 4
/// decimal places"), or nothing when it can. The one rate rule: loaders, edits
/// and the GUI's fields all ask here.
std::optional<std::string> rate_problem(const Decimal& rate);

/// Why a rate typed as `typed` for `factor` is ambiguous, or nothing: a
/// thousands separator in a per-pupil or per-place rate may be a European
/// decimal comma, so it is refused ("a thousands separator in a per-pupil
/// rate is ambiguous: \"40,490\": write 40490 or 40.490"); a LUMP (a sum per
/// school, budget-sized) may have one. Text that is not a number: nothing
/// (the number parser says why). Loaders and the GUI's rate fields ask here.
std::optional<std::string> separator_problem(std::string_view typed, Factor factor);

/// A rate a schedule may hold: not negative, at most kMaxRatePlaces places.
inline bool is_valid_rate(const Decimal& rate) { return !rate_problem(rate); }

/// Rate × count: exact, never rounded here.
inline ExactAmount operator*(const Rate& rate, const Count& count) { return {rate.value * count.value}; }

/// An amount as a paper presents it: to the nearest `pounds` (1, 100, 1000...)
/// with `mode`. The result is a whole number of pounds; the value is unchanged
/// elsewhere, this is for display beside the exact figure.
Decimal present_to(const Decimal& amount, long long pounds, RoundingMode mode);

}  // namespace calc
