#include "gui/widgets.hpp"

#include "calc/money_format.hpp"

#include <imgui.h>

namespace gui {

std::string pounds_text(const calc::Decimal& amount) {
    return calc::format_pounds(calc::present_to(amount, 1, calc::RoundingMode::half_up), 0, calc::Negative::parentheses);
}

std::string pennies_text(const calc::Decimal& amount) {
    return calc::format_pounds(amount.round(2, calc::RoundingMode::half_up), 2, calc::Negative::parentheses);
}

std::string rate_text(const calc::Decimal& rate) { return calc::format_rate(rate); }

void money_cell(const calc::Decimal& amount, bool to_the_penny) {
    const std::string text = to_the_penny ? pennies_text(amount) : pounds_text(amount);
    if (amount.sign() < 0) ImGui::TextColored(ImVec4(0.85f, 0.1f, 0.1f, 1.0f), "%s", text.c_str());
    else ImGui::TextUnformatted(text.c_str());
}

}  // namespace gui
