// Forecast: the ledger's projection under the proposal's rate, as bars and a table.
#include "gui/forecast_view.hpp"
#include "gui/panels.hpp"
#include "gui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace gui {

namespace {

float to_float(const calc::Decimal& d) { return std::stof(d.to_string()); }

// Budget (outline) and spend (filled) bars per year, drawn straight onto the window.
void bars(const std::vector<const model::LedgerRow*>& rows, std::size_t first_projected, float height) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    float top = 1;
    for (const auto* r : rows) top = std::max({top, to_float(r->budget), to_float(r->input.spend)});
    const float slot = width / static_cast<float>(rows.size());
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 fill = ImGui::GetColorU32(ImGuiCol_PlotHistogram);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const float x = origin.x + slot * static_cast<float>(i);
        const float base = origin.y + height;
        const float b = height * to_float(rows[i]->budget) / top;
        const float s = height * to_float(rows[i]->input.spend) / top;
        draw->AddRect(ImVec2(x + slot * 0.12f, base - b), ImVec2(x + slot * 0.46f, base), ink);
        if (i >= first_projected)
            draw->AddRect(ImVec2(x + slot * 0.52f, base - s), ImVec2(x + slot * 0.86f, base), fill, 0, 0, 3.0f);
        else
            draw->AddRectFilled(ImVec2(x + slot * 0.52f, base - s), ImVec2(x + slot * 0.86f, base), fill);
        draw->AddText(ImVec2(x + slot * 0.1f, base + 2), ink, rows[i]->input.year.c_str());
    }
    ImGui::Dummy(ImVec2(width, height + ImGui::GetTextLineHeightWithSpacing()));
}

}  // namespace

void draw_forecast_panel(const app::Scenario& session, std::vector<ForecastView>& forecasts, UiState& ui) {
    if (forecasts.empty()) {
        ImGui::TextWrapped("No ledger is loaded for the services of the %s proposal, so there is nothing to forecast. "
                           "Start with --ledger FILE (one per service with a ledger; see the README's ledger format).",
                           session.proposal().year.c_str());
        return;
    }
    if (forecasts.size() > 1) {
        for (std::size_t k = 0; k < forecasts.size(); ++k) {
            if (k) ImGui::SameLine();
            if (ImGui::RadioButton((forecasts[k].ledger().ledger.name + "##ledger" + std::to_string(k)).c_str(), ui.forecast_ledger == k))
                ui.forecast_ledger = k;
            probe(ui, "ledger:" + forecasts[k].ledger().ledger.service);
        }
    }
    ForecastView& forecast = forecasts[std::min(ui.forecast_ledger, forecasts.size() - 1)];
    forecast.follow(session);
    if (!forecast.report()) return;
    const report::ForecastReport& report = *forecast.report();
    const model::Projection& p = report.projection;
    ImGui::TextWrapped("%s: budget (outline) vs spend (filled; outlined when projected), with the proposal's rate %s held. "
                       "%d simulated scenarios.", forecast.ledger().ledger.name.c_str(), rate_text(forecast.rate()).c_str(),
                       forecast.scenarios());
    std::vector<const model::LedgerRow*> rows;
    for (const auto& r : p.history) rows.push_back(&r);
    for (const auto& r : p.projected) rows.push_back(&r);
    bars(rows, p.history.size(), ImGui::GetFontSize() * 6);

    if (!ImGui::BeginTable("forecast", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* h : {"Year", "Budget", "Spend", "Outturn", "Balance", "P(shortfall)"}) ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const model::LedgerRow& r = *rows[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted((r.input.year + (i >= p.history.size() ? " (proj.)" : "")).c_str());
        ImGui::TableNextColumn();
        money_cell(r.budget);
        ImGui::TableNextColumn();
        money_cell(r.input.spend);
        ImGui::TableNextColumn();
        money_cell(r.outturn);
        ImGui::TableNextColumn();
        money_cell(r.balance);
        ImGui::TableNextColumn();
        if (i >= p.history.size() && i - p.history.size() < report.outlook.size())
            ImGui::Text("%.1f%%", 100.0 * report.outlook[i - p.history.size()].p_shortfall);
    }
    ImGui::EndTable();
}

}  // namespace gui
