#pragma once
// Small drawing helpers shared by the panels: money in the projector style.

#include "calc/money.hpp"

#include <string>

namespace gui {

/// "£12,345" or "(£12,345)": to the nearest pound, half up (display only).
std::string pounds_text(const calc::Decimal& amount);
/// The same to the penny: "£12,345.67".
std::string pennies_text(const calc::Decimal& amount);
/// A rate: "£40.49".
std::string rate_text(const calc::Decimal& rate);

/// Draws money text, red when negative.
void money_cell(const calc::Decimal& amount, bool to_the_penny = false);

}  // namespace gui

namespace gui {

/// `text` cut to fit `width` pixels in the current font, ending in "…" when cut.
std::string fit_text(const std::string& text, float width);

}  // namespace gui

namespace gui {

/// ImGui::SameLine() if an item `width` pixels wide still fits on this line
/// of the window, else nothing (the item goes on the next line).
void same_line_if_fits(float width);

}  // namespace gui
