#include "gui/forecast_view.hpp"

namespace gui {

ForecastView::ForecastView(rates::LedgerFile ledger, int scenarios) : ledger_(std::move(ledger)), scenarios_(scenarios) {}

void ForecastView::follow(const app::Scenario& session) {
    const calc::Service* service = session.proposal().find(ledger_.ledger.service);
    const calc::Rate* rate = service ? service->selected_option().rate_for(calc::Factor::AWPU) : nullptr;
    const calc::Decimal now = rate && !service->phases.empty() ? rate->value : calc::Decimal(0);
    if (rate_ && *rate_ == now) return;
    rate_ = now;

    // The proposal's rate applies to the ledger year of the proposal and is held after it.
    model::Ledger ledger = ledger_.ledger;
    bool found = false;
    for (model::LedgerYear& y : ledger.years)
        if (y.year == session.proposal().year) {
            y.rate = calc::Rate{now};
            found = true;
        }
    if (!found) ledger.years.back().rate = calc::Rate{now};
    model::Assumptions a = ledger_.assumptions;
    a.rate = model::RateRule::hold;
    projection_ = model::project(ledger, a);
    outlook_.clear();
    if (ledger_.claims) {
        const auto years = model::year_claims(*projection_, a, *ledger_.claims);
        outlook_ = model::summarise(*projection_, years, model::simulate_spend(years, {scenarios_, 1}));
    }
}

}  // namespace gui
