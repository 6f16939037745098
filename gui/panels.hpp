#pragma once
// One function per panel; each draws inside the current ImGui window.

#include "gui/session.hpp"
#include "gui/ui_state.hpp"

namespace gui {

class ForecastView;

void draw_schedule_panel(Session& session, UiState& ui);
void draw_totals_panel(const Session& session);
void draw_schools_panel(const Session& session, UiState& ui);
void draw_breakdown_panel(const Session& session, const UiState& ui);
void draw_forecast_panel(const Session& session, ForecastView& forecast);

}  // namespace gui
