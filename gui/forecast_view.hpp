#pragma once
// The maternity (or any ledger's) forecast, following the proposal's rate.
// No ImGui here: the panel draws what this holds.

#include "app/scenario.hpp"
#include "model/claims_simulation.hpp"
#include "rates/ledger_loader.hpp"

#include <optional>

namespace gui {

class ForecastView {
public:
    /// `ledger` is for the service of the same id in the proposal.
    explicit ForecastView(rates::LedgerFile ledger, int scenarios = 2000);

    /// Recomputes when the proposal's rate for the ledger's service has changed.
    void follow(const app::Scenario& session);

    const rates::LedgerFile& ledger() const { return ledger_; }
    const std::optional<model::Projection>& projection() const { return projection_; }
    const std::vector<model::YearOutlook>& outlook() const { return outlook_; }
    int scenarios() const { return scenarios_; }

private:
    rates::LedgerFile ledger_;
    int scenarios_;
    std::optional<calc::Decimal> rate_;
    std::optional<model::Projection> projection_;
    std::vector<model::YearOutlook> outlook_;
};

}  // namespace gui
