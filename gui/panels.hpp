#pragma once
// One function per panel; each draws inside the current ImGui window.

#include "app/scenario.hpp"
#include "gui/ui_state.hpp"

namespace gui {

class ForecastView;

void draw_schedule_panel(app::Scenario& session, UiState& ui);
void draw_totals_panel(const app::Scenario& session);
void draw_schools_panel(const app::Scenario& session, UiState& ui);
void draw_breakdown_panel(const app::Scenario& session, const UiState& ui);
void draw_forecast_panel(const app::Scenario& session, ForecastView& forecast);

}  // namespace gui
