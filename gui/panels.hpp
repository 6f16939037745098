#pragma once
// One function per panel; each draws inside the current ImGui window. Panels
// read the scenario (const) and queue what they change (gui::request).

#include "app/scenario.hpp"
#include "gui/ui_state.hpp"

#include <map>
#include <string>
#include <vector>

namespace gui {

class ForecastView;

void draw_schedule_panel(const app::Scenario& session, UiState& ui);
void draw_totals_panel(const app::Scenario& session);
void draw_schools_panel(const app::Scenario& session, UiState& ui);
void draw_breakdown_panel(const app::Scenario& session, const UiState& ui);
void draw_forecast_panel(const app::Scenario& session, std::vector<ForecastView>& forecasts, UiState& ui);
/// What the Improvement tab prices: the schools' inspections, when known.
struct ImprovementInputs {
    const std::map<std::string, model::InspectionRecord>* inspections = nullptr;
};
void draw_improvement_panel(const app::Scenario& session, const ImprovementInputs& in, UiState& ui);
/// View → Present: the selected school's or the totals' figures in large type.
void draw_present_view(const app::Scenario& session, UiState& ui);

}  // namespace gui
