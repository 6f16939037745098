// Schools: every school of the census, sortable and filterable, drawn with a
// list clipper so 20,000 rows cost only the rows on screen.
#include "calc/compare.hpp"
#include "calc/money_format.hpp"
#include "gui/panels.hpp"
#include "gui/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

namespace gui {

namespace {

void read_sort(ImGuiTableSortSpecs* specs, UiState& ui) {
    if (!specs || !specs->SpecsDirty || specs->SpecsCount == 0) return;
    ui.sort_column = static_cast<app::SchoolColumn>(specs->Specs[0].ColumnUserID);
    ui.sort_descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    ui.rows_revision = ~std::uint64_t{0};  // re-sort
    specs->SpecsDirty = false;
}

}  // namespace

void draw_schools_panel(const app::Scenario& session, UiState& ui) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::InputTextWithHint("##filter", "Filter: name, URN or phase", &ui.filter);
    const std::vector<std::size_t>& rows = visible_rows(session, ui);
    ImGui::SameLine();
    ImGui::Text("%zu of %zu schools", rows.size(), session.census().schools.size());

    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("schools", 8, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    // The table starts sorted the way ui says (a scripted session may ask for "change").
    auto column = [&](const char* name, app::SchoolColumn id, const char* widest) {
        ImGuiTableColumnFlags column_flags = widest ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch;
        if (id == ui.sort_column)
            column_flags |= ImGuiTableColumnFlags_DefaultSort |
                     (ui.sort_descending ? ImGuiTableColumnFlags_PreferSortDescending : ImGuiTableColumnFlags_PreferSortAscending);
        // Wide enough for the header, its sort arrow and the widest value.
        const float width = widest ? std::max(ImGui::CalcTextSize(widest).x, ImGui::CalcTextSize(name).x + ImGui::GetFontSize()) : 0.0f;
        ImGui::TableSetupColumn(name, column_flags, width, static_cast<ImGuiID>(id));
    };
    column("URN", app::SchoolColumn::urn, "000000");
    column("School", app::SchoolColumn::name, nullptr);
    column("Phase", app::SchoolColumn::phase, "secondary");
    column("NOR", app::SchoolColumn::nor, "0000");
    column(session.baseline().year.c_str(), app::SchoolColumn::baseline, "£000,000");
    column(session.proposal().year.c_str(), app::SchoolColumn::proposal, "£000,000");
    column("Change", app::SchoolColumn::change, "(£00,000)");
    column("Change %", app::SchoolColumn::change_percent, "Change %");
    ImGui::TableHeadersRow();
    read_sort(ImGui::TableGetSortSpecs(), ui);

    const std::vector<std::size_t>& sorted = visible_rows(session, ui);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(sorted.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const std::size_t i = sorted[static_cast<std::size_t>(r)];
            const calc::School& s = session.census().schools[i];
            const calc::Money before = session.baseline_totals()[i];
            const calc::Money after = session.proposal_totals()[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const bool selected = ui.selected_school == i;
            if (ImGui::Selectable((s.urn + "##row").c_str(), selected, ImGuiSelectableFlags_SpanAllColumns))
                ui.selected_school = i;
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.governance == calc::Governance::academy ? "academy" : std::string(calc::name_of(s.phase)).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%lld", s.nor);
            ImGui::TableNextColumn();
            money_cell(before.value);
            ImGui::TableNextColumn();
            money_cell(after.value);
            ImGui::TableNextColumn();
            money_cell((after - before).value);
            ImGui::TableNextColumn();
            if (const auto pct = calc::percent_change(before, after)) ImGui::TextUnformatted((pct->to_string() + "%").c_str());
        }
    }
    ImGui::EndTable();
}

void draw_breakdown_panel(const app::Scenario& session, const UiState& ui) {
    if (!ui.selected_school) {
        ImGui::TextWrapped("Select a school to see what each service costs it, factor by factor.");
        return;
    }
    const std::size_t i = *ui.selected_school;
    const calc::School& s = session.census().schools[i];
    ImGui::Text("%s (URN %s, %s, %s, %lld pupils)", s.name.c_str(), s.urn.c_str(), std::string(calc::name_of(s.phase)).c_str(),
                std::string(calc::name_of(s.governance)).c_str(), s.nor);
    if (!ImGui::BeginTable("breakdown", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* h : {"Service / factor", "Count", "Rate", "Amount", session.baseline().year.c_str()})
        ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    const calc::Calculation& now = session.proposal_result();
    for (const calc::ServiceResult& r : now.services) {
        for (const calc::SchoolCharge& c : r.charges) {
            if (c.school != i) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(session.proposal().services[r.service].name.c_str());
            ImGui::TableNextColumn();
            ImGui::TableNextColumn();
            ImGui::TableNextColumn();
            money_cell(c.amount.value, true);
            ImGui::TableNextColumn();
            for (const calc::ServiceResult& b : session.baseline_result().services)
                if (session.baseline().services[b.service].id == session.proposal().services[r.service].id)
                    for (const calc::SchoolCharge& bc : b.charges)
                        if (bc.school == i) money_cell(bc.amount.value, true);
            const calc::Service& service = session.proposal().services[r.service];
            for (const calc::FactorCharge& f : calc::breakdown(s, service, service.options[r.option])) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::Text("    %s", std::string(calc::label_of(f.factor)).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(calc::format_count(f.count.value).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(rate_text(f.rate.value).c_str());
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", calc::format_pounds_exact(f.amount.value).c_str());
            }
        }
    }
    ImGui::EndTable();
}

}  // namespace gui
