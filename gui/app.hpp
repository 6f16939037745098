#pragma once
// The whole window for one frame: menu, shortcuts, panels in a fixed layout
// that fits 1280×720 and 1920×1080, dialogs. ImGui only; no GLFW or OpenGL.

#include "gui/forecast_view.hpp"
#include "gui/panels.hpp"
#include "app/scenario.hpp"
#include "gui/ui_state.hpp"

namespace gui {

/// Fonts are loaded this many times larger than 100% and scaled down, so
/// text stays sharp at every UI scale.
inline constexpr float kFontOversample = 2.5f;

/// Loads a TrueType font if the system has one (else ImGui's own) at the
/// oversampled size, with the glyphs our text uses (£, ×, dashes, arrows).
void load_fonts();

/// Sets colours and sizes for ui.scale and ui.high_contrast.
void apply_style(const UiState& ui);

/// Draws one frame from the scenario as it is; changes are queued in
/// ui.actions, applied by end_frame after the frame. `forecasts` may be empty.
void draw_app(const app::Scenario& session, UiState& ui, std::vector<ForecastView>& forecasts,
              const ImprovementInputs& improvement = {});

/// Between frames: applies the queued actions and a changed scale or theme.
void end_frame(app::Scenario& session, UiState& ui);

}  // namespace gui
