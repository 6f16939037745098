// What it costs the school: every service charged under the baseline or the
// proposal (voted out: baseline → £0), each factor's count × rate, the change
// per service, and the school's totals.
#include "calc/money_format.hpp"
#include "gui/panels.hpp"
#include "gui/widgets.hpp"

#include <imgui.h>

namespace gui {

void draw_breakdown_panel(const app::Scenario& session, const UiState& ui) {
    if (!ui.selected_school) {
        ImGui::TextWrapped("Select a school to see what each service costs it, factor by factor.");
        return;
    }
    const std::size_t i = *ui.selected_school;
    const calc::School& s = session.census().schools[i];
    const app::SchoolStatement st = session.statement(i);
    ImGui::TextWrapped("%s (URN %s, %s, %s, %d pupils)", s.name.c_str(), s.urn.c_str(), std::string(calc::name_of(s.phase)).c_str(),
                       std::string(calc::name_of(s.governance)).c_str(), s.nor);
    if (st.lines.empty()) {
        ImGui::TextWrapped(s.governance == calc::Governance::academy ? "Academies are never charged."
                                                                      : "No service is charged to this school under either schedule.");
        return;
    }
    if (!ImGui::BeginTable("breakdown", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    // Factor working (count × rate = amount) goes under the service's name, so three money columns fit at 200%.
    const float money = ImGui::CalcTextSize("(£00,000.00)").x;
    ImGui::TableSetupColumn("Service: count × rate", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(session.baseline().year.c_str(), ImGuiTableColumnFlags_WidthFixed, money);
    ImGui::TableSetupColumn(session.proposal().year.c_str(), ImGuiTableColumnFlags_WidthFixed, money);
    ImGui::TableSetupColumn("Change", ImGuiTableColumnFlags_WidthFixed, money);
    ImGui::TableHeadersRow();
    for (const app::StatementLine& l : st.lines) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s%s", l.service_name.c_str(), l.charged_now ? "" : " (not charged now)");
        ImGui::PushTextWrapPos(0);  // wrap the working at the column's edge
        for (const calc::FactorCharge& f : l.factors)
            ImGui::TextDisabled("  %s: %s × %s = %s%s", std::string(calc::label_of(f.factor)).c_str(),
                                calc::format_count(f.count.value).c_str(), rate_text(f.rate.value).c_str(),
                                calc::format_pounds_exact(f.amount.value).c_str(), l.charged_now ? "" : " (baseline)");
        ImGui::PopTextWrapPos();
        ImGui::TableNextColumn();
        if (l.charged_before) money_cell(l.baseline.value, true);
        else ImGui::TextDisabled("new");
        ImGui::TableNextColumn();
        money_cell(l.proposal.value, true);
        ImGui::TableNextColumn();
        money_cell(l.change().value, true);
    }
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("Total for the school");
    ImGui::TableNextColumn();
    money_cell(st.baseline_total.value, true);
    ImGui::TableNextColumn();
    money_cell(st.proposal_total.value, true);
    ImGui::TableNextColumn();
    money_cell(st.change().value, true);
    ImGui::EndTable();
}

}  // namespace gui
