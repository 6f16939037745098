#pragma once
// The DfE Authority Proforma Tool's New ISB columns, school by school: from
// each school's post-MFG budget share, take its de-delegation and its
// education functions (both shown negative, as the APT shows deductions).
// No rounding here: every figure is pennies (the budget as given, each
// school's charges as `calc` rounds them), added and subtracted exactly.

#include "calc/deduction.hpp"
#include "calc/diagnostic.hpp"
#include "calc/money.hpp"
#include "calc/schedule.hpp"
#include "calc/school.hpp"

#include <string>
#include <vector>

namespace calc {

/// A school's post-MFG budget share as the budgets file gives it.
struct BudgetShare {
    std::size_t school = 0;  ///< index into Census::schools
    Money post_mfg;          ///< pounds and pence, never negative
    long line = 0;           ///< where the budgets file gives it
};

/// One school's row of the New ISB block.
struct AptRow {
    std::size_t school = 0;
    long line = 0;
    Money post_mfg;                  ///< Post MFG budget
    Money de_delegation;             ///< De-delegation: minus the school's de-delegated charges (0 or negative)
    Money post_de_delegation;        ///< Post de-delegation budget = post MFG + de-delegation
    Money education_functions;       ///< Education functions: minus its education-function charges
    Money post_de_delegation_and_ef; ///< Post de-delegation and education functions budget
};

/// A service's part of the reconciliation: the per-school pennies `calc` charges.
struct AptServiceTotal {
    std::size_t service = 0;
    Money charged;
};

struct AptTieOut {
    std::vector<AptRow> rows;  ///< census order
    AptRow total;              ///< each column added (school and line unused)
    std::vector<AptServiceTotal> services;  ///< every service, schedule order
    Money de_delegated_charged;      ///< the de-delegated services' per-school pennies, added
    Money education_functions_charged;
};

/// The New ISB block for every school in `budgets`. Refuses (calc::InputError,
/// naming `file`) a school charged anything that has no budget, and a budget
/// smaller than the school's charges (the last column would go negative).
AptTieOut apt_tie_out(const Census& census, const Schedule& schedule, const Calculation& calculation,
                      const std::vector<BudgetShare>& budgets, const std::string& file);

}  // namespace calc
