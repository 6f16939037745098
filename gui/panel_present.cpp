// Present: the figures the room is discussing, in type large enough for the
// back of the room — the selected school's total and change service by
// service, or, with no school selected, every service's total and change.
#include "gui/panels.hpp"
#include "gui/widgets.hpp"

#include <imgui.h>

namespace gui {

namespace {

void row(const char* label, const calc::Money& before, const calc::Money& after) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", label);
    ImGui::TableNextColumn();
    money_cell(before.value);
    ImGui::TableNextColumn();
    money_cell(after.value);
    ImGui::TableNextColumn();
    money_cell((after - before).value);
}

}  // namespace

void draw_present_view(const app::Scenario& session, UiState& ui) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("Present", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                         ImGuiWindowFlags_NoTitleBar);
    ImGui::SetWindowFontScale(1.6f);
    if (ImGui::Button("Back (Esc)") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ui.present = false;
    probe(ui, "present:back");
    const calc::Schedule& proposal = session.proposal();
    if (ImGui::BeginTable("present", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 2.5f);
        ImGui::TableSetupColumn(session.baseline().year.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(proposal.year.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Change", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        if (ui.selected_school) {
            const app::SchoolStatement st = session.statement(*ui.selected_school);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", session.census().schools[*ui.selected_school].name.c_str());
            ImGui::TableHeadersRow();
            for (const app::StatementLine& l : st.lines) row(l.service_name.c_str(), l.baseline, l.proposal);
            row("Total", st.baseline_total, st.proposal_total);
        } else {
            ImGui::TableHeadersRow();
            calc::Money all_before{calc::Decimal(0).with_scale(2)}, all{calc::Decimal(0).with_scale(2)};
            for (std::size_t s = 0; s < proposal.services.size(); ++s) {
                const app::ServiceSummary& sum = session.summary(s);
                row(proposal.services[s].name.c_str(), sum.baseline_pennies, sum.pennies);
                all_before += sum.baseline_pennies;
                all += sum.pennies;
            }
            row("All services", all_before, all);
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace gui
