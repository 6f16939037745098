#pragma once
// The whole window for one frame: menu, shortcuts, panels in a fixed layout
// that fits 1280×720 and 1920×1080, dialogs. ImGui only; no GLFW or OpenGL.

#include "gui/forecast_view.hpp"
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

/// Draws one frame. `forecast` may be null (no ledger for the proposal).
void draw_app(app::Scenario& session, UiState& ui, ForecastView* forecast);

}  // namespace gui
