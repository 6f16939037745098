#pragma once
// One row per charged school across all services: the per-school CSV.

#include "calc/deduction.hpp"

#include <optional>
#include <vector>

namespace calc {

/// A school's charges for every service of a calculation; empty where the
/// service is not taken from it. total is the sum of its penny amounts.
struct SchoolRow {
    std::size_t school = 0;
    std::vector<std::optional<Money>> by_service;
    Money total;
};

/// Rows for every school charged at least one service, in census order.
std::vector<SchoolRow> per_school_rows(const Calculation& calc, std::size_t school_count);

/// Every school's total charge (zero when not charged), indexed like the census.
std::vector<Money> school_totals(const Calculation& calc, std::size_t school_count);

}  // namespace calc
