#pragma once
// The Forum paper's tables, as data: one per service and rate option.

#include "calc/deduction.hpp"
#include "calc/range.hpp"

#include <optional>
#include <string>
#include <vector>

namespace calc {

/// Paper totals are rounded to their presentation precision half up.
inline constexpr RoundingMode kPresentationRounding = RoundingMode::half_up;

/// One column of a service table: a formula factor with its rate and total.
struct FactorColumn {
    Factor factor;
    std::string phase_label;      ///< "Primary", "Special" (for PLACE)
    Rate rate;
    std::optional<Rate> previous;               ///< the previous schedule's rate, if given
    std::optional<ExactAmount> previous_exact;  ///< the previous rate on this census
    std::optional<Decimal> previous_presented;  ///< at the previous schedule's precision
    ExactAmount exact;                          ///< exact total over schools
    Decimal presented;                          ///< exact rounded to the option's precision
};

/// A service under one rate option, in the consultation's shape.
struct ServiceTable {
    std::size_t service = 0;
    std::size_t option = 0;
    bool selected = false;  ///< the option `calc` charges
    std::vector<FactorColumn> columns;
    ExactAmount exact_total;
    Decimal presented_total;           ///< exact_total rounded to the option's precision
    Decimal sum_of_presented_columns;  ///< may differ from presented_total by rounding
    Money sum_of_rounded;              ///< sum of per-school pennies
    std::size_t schools_charged = 0;
    std::optional<PoundRange> range;

    /// The reconciliation: pennies charged minus exact total.
    ExactAmount rounding_difference() const { return sum_of_rounded.exact() - exact_total; }
};

/// Tables for every option of every service; `previous` adds last year's rates.
std::vector<ServiceTable> build_tables(const Census& census, const Schedule& schedule, const Schedule* previous);

/// "Primary", "Primary & Secondary", or "Special" for PLACE.
std::string phase_label(const Service& service, Factor factor);

}  // namespace calc
