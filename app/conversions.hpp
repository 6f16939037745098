#pragma once
// The in-year conversions use case: which schools become academies during the
// year, and what happens to their de-delegation under the LA's policy.

#include "app/inputs.hpp"
#include "calc/conversions.hpp"

#include <string>
#include <vector>

namespace app {

struct ConversionsSpec {
    InputSpec inputs;
    std::string conversions;           ///< the URN,Date file (required)
    std::string policy;                ///< "kept" or "refund" (required: the LA's stated policy)
    std::vector<std::string> ledgers;  ///< service ledgers (TOML) whose year the refunds reduce
};

struct ConversionsRun {
    Inputs in;
    calc::Calculation calculation;
    calc::ConversionsResult result;
    std::vector<calc::LedgerEffect> ledgers;
};

/// Loads the inputs, the conversions and the ledgers, and works out each
/// conversion. Throws calc::InputError with every problem.
ConversionsRun run_conversions(const ConversionsSpec& spec);

/// The financial year of `schedule` ("2025-26"); refused (calc::InputError
/// naming `rates_file`) when its year is written otherwise.
calc::FinancialYear financial_year_of(const calc::Schedule& schedule, const std::string& rates_file);

}  // namespace app
