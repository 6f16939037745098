#pragma once
// Per-school deductions as CSV: what `dedeleg calc` writes and the GUI exports.

#include "calc/deduction.hpp"

#include <ostream>

namespace report {

/// URN,LAESTAB,School,Phase,<service ids>,Total: one row per charged school,
/// pounds to 2 dp (blank where a service is not taken), then a TOTAL row.
void write_wide_csv(std::ostream& out, const calc::Census& census, const calc::Schedule& schedule,
                    const calc::Calculation& calc);

/// URN,School,Service,Factor,Count,Rate,Amount: one row per factor with the
/// exact rate × count, then a row with Factor "ROUNDED" and the school's
/// penny amount for that service; last a TOTAL row. The ROUNDED rows add up
/// to the wide layout's TOTAL.
void write_long_csv(std::ostream& out, const calc::Census& census, const calc::Schedule& schedule,
                    const calc::Calculation& calc);

}  // namespace report
