#include "gui/forecast_view.hpp"

namespace gui {

ForecastView::ForecastView(rates::LedgerFile ledger, int scenarios) : ledger_(std::move(ledger)), scenarios_(scenarios) {}

void ForecastView::follow(const app::Scenario& session) {
    const calc::Decimal now = app::proposal_rate(ledger_, session.proposal(), session.census());
    if (rate_ && *rate_ == now) return;
    rate_ = now;
    report_ = app::forecast_at_rate(ledger_, session.proposal().year, now, scenarios_, 1);
}

}  // namespace gui
