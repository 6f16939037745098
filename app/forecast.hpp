#pragma once
// One forecast orchestration for `ledger`, `forecast`, `solve --breakeven` and
// the GUI's Forecast tab: which ledger, the assumptions that override the ledger
// file's, the projection and the simulation.

#include "calc/schedule.hpp"
#include "calc/school.hpp"
#include "rates/ledger_loader.hpp"
#include "report/ledger_report.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace app {

struct LedgerSpec {
    std::string service = "maternity";  ///< a shipped ledger: model/havering/<service>.toml
    std::string ledger_file;            ///< or a file
};

struct ForecastSpec {
    LedgerSpec ledger;
    int years = 5;
    std::string pay_award, demand, roll, rate;      ///< empty: the ledger file's [assumptions]
    std::vector<std::string> pay_award_in, demand_in;  ///< "2027-28=3%"
    std::string claims_per_year, cost_per_claim;    ///< empty: the ledger file's [claims]
    int scenarios = 10000;
    std::uint64_t seed = 1;
};

rates::LedgerFile load_ledger(const LedgerSpec& opts);

/// The ledger with every command-line override applied; throws calc::InputError.
rates::LedgerFile load_forecast_inputs(const ForecastSpec& opts);

/// Projection, and the simulation when the ledger has a claims model.
report::ForecastReport run_forecast(const rates::LedgerFile& in, const ForecastSpec& opts);

/// The proposal's per-pupil (AWPU) rate for the ledger's service, as its first
/// voted phase pays it on `census` (a budget-first rate included); 0 when the
/// proposal does not charge the service (voted out of every phase, or absent).
calc::Decimal proposal_rate(const rates::LedgerFile& ledger, const calc::Schedule& proposal, const calc::Census& census);

/// The ledger projected with `rate` set for the proposal's year (or the
/// ledger's last year) and held after it, with the simulation when the ledger
/// has a claims model: what the GUI's Forecast tab shows as rates are edited.
report::ForecastReport forecast_at_rate(const rates::LedgerFile& ledger, const std::string& proposal_year,
                                        const calc::Decimal& rate, int scenarios, std::uint64_t seed);

/// Throws calc::InputError (at the ledger's `service =` line) for a ledger
/// whose service is not in the schedule: its forecast would follow nothing.
void check_ledgers_against(const std::vector<rates::LedgerFile>& ledgers, const calc::Schedule& schedule);

}  // namespace app
