#pragma once
// A ledger's forecast following the proposal's rate for its service,
// recomputed (app::forecast_at_rate) only when that rate changes.

#include "app/forecast.hpp"
#include "app/scenario.hpp"

#include <optional>

namespace gui {

class ForecastView {
public:
    /// `ledger` is for the service of the same id in the proposal.
    explicit ForecastView(rates::LedgerFile ledger, int scenarios = 2000);

    /// Recomputes when the proposal's rate for the ledger's service has changed.
    void follow(const app::Scenario& session);

    const rates::LedgerFile& ledger() const { return ledger_; }
    const std::optional<report::ForecastReport>& report() const { return report_; }
    const calc::Decimal& rate() const { return *rate_; }
    int scenarios() const { return scenarios_; }

private:
    rates::LedgerFile ledger_;
    int scenarios_;
    std::optional<calc::Decimal> rate_;
    std::optional<report::ForecastReport> report_;
};

}  // namespace gui
