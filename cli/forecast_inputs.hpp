#pragma once
// Options shared by `ledger`, `forecast` and `solve --breakeven`: which ledger,
// and the assumptions that override the ledger file's.

#include "rates/ledger_loader.hpp"
#include "report/ledger_report.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace cli {

struct LedgerOptions {
    std::string service = "maternity";  ///< a shipped ledger: model/havering/<service>.toml
    std::string ledger_file;            ///< or a file
};

struct ForecastOptions {
    LedgerOptions ledger;
    int years = 5;
    std::string pay_award, demand, roll, rate;      ///< empty: the ledger file's [assumptions]
    std::vector<std::string> pay_award_in, demand_in;  ///< "2027-28=3%"
    std::string claims_per_year, cost_per_claim;    ///< empty: the ledger file's [claims]
    int scenarios = 10000;
    std::uint64_t seed = 1;
};

void add_ledger_options(CLI::App& cmd, LedgerOptions& opts);
void add_forecast_options(CLI::App& cmd, ForecastOptions& opts);

rates::LedgerFile load_ledger(const LedgerOptions& opts);

/// The ledger with every command-line override applied; throws calc::InputError.
rates::LedgerFile load_forecast_inputs(const ForecastOptions& opts);

/// Projection, and the simulation when the ledger has a claims model.
report::ForecastReport run_forecast(const rates::LedgerFile& in, const ForecastOptions& opts);

}  // namespace cli
