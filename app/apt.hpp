#pragma once
// The APT tie-out use case: each school's post-MFG budget share through the
// DfE Authority Proforma Tool's New ISB columns.

#include "app/inputs.hpp"
#include "calc/apt.hpp"

#include <string>

namespace app {

struct AptSpec {
    InputSpec inputs;
    std::string budgets;  ///< the URN,PostMFGBudget file (required)
};

struct AptRun {
    Inputs in;
    calc::Calculation calculation;
    calc::AptTieOut tie_out;
};

/// Loads the inputs and the budget shares and ties them out; throws calc::InputError.
AptRun run_apt(const AptSpec& spec);

}  // namespace app
