#pragma once
// The Forum paper's tables, as data: one per service and rate option.

#include "calc/deduction.hpp"
#include "calc/effective_rates.hpp"
#include "calc/range.hpp"

#include <optional>
#include <string>
#include <vector>

namespace calc {

/// Paper totals are rounded to their presentation precision half up.
inline constexpr RoundingMode kPresentationRounding = RoundingMode::half_up;

/// One column of a service table: a formula factor of one phase, with the
/// rate that phase is charged and its total.
struct FactorColumn {
    Factor factor;
    std::string phase_label;      ///< "Primary", "Secondary", "Special"
    Rate rate;
    std::optional<Rate> previous;               ///< the previous schedule's rate for this phase, if given
    std::optional<ExactAmount> previous_exact;  ///< the previous rate on this census
    std::optional<Decimal> previous_presented;  ///< at the previous schedule's precision
    ExactAmount exact;                          ///< exact total over this phase's schools
    Decimal presented;                          ///< exact rounded to the option's precision
    Phase phase = Phase::primary;
};

/// One phase's part of a service table (shown when a service charges more than one phase).
struct PhaseTotal {
    Phase phase = Phase::primary;
    ExactAmount exact;                 ///< exact sum over the phase's schools
    Decimal presented;                 ///< exact rounded to the option's precision
    Decimal sum_of_presented_columns;  ///< the phase's columns, each rounded, added
    Money sum_of_rounded;              ///< the phase's per-school pennies
    std::size_t schools_charged = 0;
};

/// A service under one rate option, in the consultation's shape.
struct ServiceTable {
    std::size_t service = 0;
    std::size_t option = 0;
    bool selected = false;  ///< the option `calc` charges
    std::vector<FactorColumn> columns;   ///< phase by phase (the service's order), factor by factor
    std::vector<PhaseTotal> phases;      ///< one per phase the service lists, in its order
    std::vector<BudgetWorking> budgets;  ///< a budget-first option's working; empty otherwise
    ExactAmount exact_total;
    Decimal presented_total;           ///< exact_total rounded to the option's precision
    Decimal sum_of_presented_columns;  ///< may differ from presented_total by rounding
    Decimal sum_of_presented_phases;   ///< the same for the phase totals
    Money sum_of_rounded;              ///< sum of per-school pennies
    std::size_t schools_charged = 0;
    std::optional<PoundRange> range;

    /// The reconciliation: pennies charged minus exact total.
    ExactAmount rounding_difference() const { return sum_of_rounded.exact() - exact_total; }
};

/// Tables for every option of every service; `previous` adds last year's rates.
std::vector<ServiceTable> build_tables(const Census& census, const Schedule& schedule, const Schedule* previous);

/// The summary of all services a paper ends with: the selected option of each.
struct TablesSummary {
    ExactAmount exact_total;
    Decimal presented_total;            ///< exact_total to the pound (half up)
    Decimal sum_of_presented_services;  ///< each service's presented total, added
    Money sum_of_rounded;               ///< every school's pennies
    std::size_t schools_charged = 0;    ///< schools charged by at least one service
    std::optional<PoundRange> range;    ///< of each school's total over every service
};

TablesSummary summarise(const Census& census, const Schedule& schedule, const std::vector<ServiceTable>& tables);

/// The summary's total with one service under another of its options: what
/// the Forum's other choices would raise, every other service as selected.
struct AlternativeTotal {
    std::size_t service = 0;
    std::size_t option = 0;
    ExactAmount exact_total;
    Decimal presented_total;  ///< exact_total to the pound (half up), as the summary's
    Money sum_of_rounded;     ///< every school's pennies
};

/// One for each option that is not selected, in the tables' order.
std::vector<AlternativeTotal> alternative_totals(const std::vector<ServiceTable>& tables, const TablesSummary& summary);

}  // namespace calc
