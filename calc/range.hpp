#pragma once
// The per-school range a Forum paper shows: lowest, median, highest.

#include "calc/deduction.hpp"

#include <optional>

namespace calc {

/// Lowest, median and highest per-school charge, in whole pounds (half_up
/// from the penny amounts). The median of an even number of schools is the
/// mean of the middle two, before that rounding.
struct PoundRange {
    Decimal lowest;
    Decimal median;
    Decimal highest;
};

/// Empty when no school is charged.
std::optional<PoundRange> range_of(const ServiceResult& result);

/// The same over any penny amounts (e.g. each school's total over every service).
std::optional<PoundRange> range_of(std::vector<Decimal> amounts);

}  // namespace calc
