// Schools: every school of the census, sortable and filterable, drawn with a
// list clipper so 20,000 rows cost only the rows on screen. On a projector
// (large text, narrow window) the narrow columns are dropped first; the
// school's name, the proposal and the change always show.
#include "calc/compare.hpp"
#include "gui/panels.hpp"
#include "gui/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace gui {

namespace {

void read_sort(ImGuiTableSortSpecs* specs, UiState& ui) {
    if (!specs || !specs->SpecsDirty || specs->SpecsCount == 0) return;
    ui.sort_column = static_cast<app::SchoolColumn>(specs->Specs[0].ColumnUserID);
    ui.sort_descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    ui.rows_revision = ~std::uint64_t{0};  // re-sort
    specs->SpecsDirty = false;
}

struct Column {
    const char* name;
    app::SchoolColumn id;
    const char* widest;  ///< nullptr: the stretching name column
    std::optional<OptionalColumn> optional;
};

float column_width(const Column& c) {
    // Wide enough for the header, its sort arrow and the widest value.
    return std::max(ImGui::CalcTextSize(c.widest).x, ImGui::CalcTextSize(c.name).x + ImGui::GetFontSize()) +
           ImGui::GetStyle().CellPadding.x * 2;
}

// Which optional columns fit beside a name column of 24 characters.
std::map<OptionalColumn, bool> shown_columns(const std::vector<Column>& columns, const UiState& ui) {
    float left = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("Hollybrook Farm Primary S").x -
                 ImGui::GetStyle().ScrollbarSize;
    std::map<OptionalColumn, bool> shown;
    for (const Column& c : columns)
        if (!c.optional) left -= column_width(c);
        else shown[*c.optional] = true;
    for (OptionalColumn drop : kDropOrder) {
        float need = 0;
        for (const Column& c : columns)
            if (c.optional && shown[*c.optional]) need += column_width(c);
        if (need <= left) break;
        shown[drop] = false;
    }
    for (const auto& [column, wanted] : ui.column_wanted) shown[column] = wanted;
    return shown;
}

}  // namespace

void draw_schools_panel(const app::Scenario& session, UiState& ui) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    ImGui::InputTextWithHint("##filter", "Filter: name, URN or phase", &ui.filter);
    probe(ui, "filter");
    ImGui::SameLine();
    ImGui::Checkbox("Academies", &ui.show_academies);
    probe(ui, "show-academies");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Academies are never charged; show them too");
    const std::vector<std::size_t>& rows = visible_rows(session, ui);
    ImGui::SameLine();
    ImGui::Text("%zu of %zu schools", rows.size(), session.census().schools.size());

    const std::vector<Column> columns = {
        {"URN", app::SchoolColumn::urn, "000000", OptionalColumn::urn},
        {"School", app::SchoolColumn::name, nullptr, std::nullopt},
        {"Phase", app::SchoolColumn::phase, "secondary", OptionalColumn::phase},
        {"NOR", app::SchoolColumn::nor, "0000", OptionalColumn::nor},
        {session.baseline().year.c_str(), app::SchoolColumn::baseline, "£000,000", OptionalColumn::baseline},
        {session.proposal().year.c_str(), app::SchoolColumn::proposal, "£000,000", std::nullopt},
        {"Change", app::SchoolColumn::change, "(£00,000)", std::nullopt},
        {"Change %", app::SchoolColumn::change_percent, "-00.00%", OptionalColumn::change_percent},
    };
    auto shown = shown_columns(columns, ui);
    std::vector<const Column*> visible;
    for (const Column& c : columns)
        if (!c.optional || shown[*c.optional]) visible.push_back(&c);

    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("schools", static_cast<int>(visible.size()), flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const Column* c : visible) {
        ImGuiTableColumnFlags column_flags = c->widest ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch;
        // The table starts sorted the way ui says (a scripted session may ask for "change").
        if (c->id == ui.sort_column)
            column_flags |= ImGuiTableColumnFlags_DefaultSort |
                            (ui.sort_descending ? ImGuiTableColumnFlags_PreferSortDescending : ImGuiTableColumnFlags_PreferSortAscending);
        ImGui::TableSetupColumn(c->name, column_flags, c->widest ? column_width(*c) : 0.0f, static_cast<ImGuiID>(c->id));
    }
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (std::size_t k = 0; k < visible.size(); ++k) {
        ImGui::TableSetColumnIndex(static_cast<int>(k));
        ImGui::TableHeader(visible[k]->name);
        probe(ui, std::string("sort:") + (visible[k]->id == app::SchoolColumn::baseline ? "baseline"
                                          : visible[k]->id == app::SchoolColumn::proposal ? "proposal"
                                                                                          : visible[k]->name));
    }
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
            for (const Column* c : visible) {
                ImGui::TableNextColumn();
                switch (c->id) {
                    case app::SchoolColumn::urn: ImGui::TextUnformatted(s.urn.c_str()); break;
                    case app::SchoolColumn::name: {
                        // The whole row selects the school; a cut name ends in "…" and shows whole on hover.
                        const std::string shown_name = fit_text(s.name, ImGui::GetContentRegionAvail().x);
                        if (ImGui::Selectable((shown_name + "##" + s.urn).c_str(), ui.selected_school == i,
                                              ImGuiSelectableFlags_SpanAllColumns))
                            ui.selected_school = i;
                        probe(ui, "school:" + s.urn);
                        if (shown_name != s.name && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.name.c_str());
                        break;
                    }
                    case app::SchoolColumn::phase:
                        ImGui::TextUnformatted(s.governance == calc::Governance::academy ? "academy"
                                                                                         : std::string(calc::name_of(s.phase)).c_str());
                        break;
                    case app::SchoolColumn::nor: ImGui::Text("%d", s.nor); break;
                    case app::SchoolColumn::baseline: money_cell(before.value); break;
                    case app::SchoolColumn::proposal: money_cell(after.value); break;
                    case app::SchoolColumn::change: money_cell((after - before).value); break;
                    case app::SchoolColumn::change_percent:
                        if (const auto pct = calc::percent_change(before, after)) ImGui::TextUnformatted((pct->to_string() + "%").c_str());
                        break;
                }
            }
        }
    }
    ImGui::EndTable();
}

}  // namespace gui
