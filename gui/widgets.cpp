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
    // Red that reads on both themes: darker on light backgrounds, lighter on dark.
    const ImVec4 background = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    const bool dark = background.x + background.y + background.z < 1.5f;
    const ImVec4 red = dark ? ImVec4(1.0f, 0.45f, 0.45f, 1.0f) : ImVec4(0.8f, 0.0f, 0.0f, 1.0f);
    if (amount.sign() < 0) ImGui::TextColored(red, "%s", text.c_str());
    else ImGui::TextUnformatted(text.c_str());
}

}  // namespace gui

namespace gui {

std::string fit_text(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    const std::string ellipsis = "\xE2\x80\xA6";  // …
    std::size_t keep = text.size();
    while (keep > 0) {
        --keep;
        while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;  // whole UTF-8 characters
        const std::string cut = text.substr(0, keep) + ellipsis;
        if (ImGui::CalcTextSize(cut.c_str()).x <= width) return cut;
    }
    return ellipsis;
}

}  // namespace gui

namespace gui {

void same_line_if_fits(float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
        ImGui::SameLine();
}

}  // namespace gui
