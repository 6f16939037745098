// Improvement: what core school improvement costs for the loaded census under
// a QA framework, with the day rate editable live, beside what the
// proposal's school-improvement service raises.
#include "app/improvement.hpp"
#include "calc/money_format.hpp"
#include "calc/number_text.hpp"
#include "gui/panels.hpp"
#include "gui/widgets.hpp"

#include <imgui.h>

namespace gui {

namespace {

void refresh(const app::Scenario& session, const ImprovementInputs& in, UiState& ui) {
    ImprovementView& v = ui.improvement;
    if (v.costing && v.revision == session.revision() && v.framework_id == v.shown_framework && v.day_rate == v.shown_day_rate) return;
    model::Framework f = app::load_framework(v.framework_id);
    if (v.day_rate) f.day_rate = *v.day_rate;
    const auto year = model::academic_year_from_label(v.year).value_or(2025);
    v.costing = app::price_improvement(f, session.census(), session.proposal(), *in.inspections, {}, year, 1, calc::Decimal(0),
                                       false, "school-improvement");
    v.revision = session.revision();
    v.shown_framework = v.framework_id;
    v.shown_day_rate = v.day_rate;
}

}  // namespace

void draw_improvement_panel(const app::Scenario& session, const ImprovementInputs& in, UiState& ui) {
    if (!in.inspections) {
        ImGui::TextWrapped("No Ofsted inspections are loaded for these schools, so the QA work cannot be placed. Start with "
                           "--inspections FILE (the columns of data/ofsted/; cut England's file by LA).");
        return;
    }
    ImprovementView& v = ui.improvement;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ImGui::BeginCombo("Framework", v.framework_id.c_str())) {
        for (const std::string& id : app::shipped_frameworks()) {
            if (ImGui::Selectable(id.c_str(), id == v.framework_id)) v.framework_id = id;
            probe(ui, "framework:" + id);
        }
        ImGui::EndCombo();
    }
    probe(ui, "framework");
    ImGui::SameLine();
    ImGui::TextUnformatted("Day rate £");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    ImGui::InputText("##dayrate", v.day_rate_text, sizeof v.day_rate_text, ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_AutoSelectAll);
    probe(ui, "improvement:day-rate");
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        v.day_rate_problem.clear();
        try {
            const calc::NumberText n = calc::parse_number(v.day_rate_text);
            if (n.percent || n.value.sign() <= 0 || n.value.significant_places() > 2) v.day_rate_problem = "a day rate is pounds and pence above £0";
            else v.day_rate = n.value;
        } catch (const calc::InvalidNumber& e) {
            v.day_rate_problem = e.what();
        }
    }
    if (!v.day_rate_problem.empty()) ImGui::TextColored(ImVec4(0.85f, 0.1f, 0.1f, 1), "Not applied: %s", v.day_rate_problem.c_str());
    refresh(session, in, ui);
    const model::Costing& c = *v.costing;
    const model::ImprovementYear& y = c.years.front();
    ImGui::TextWrapped("%s, %s: %zu maintained schools, %s days, %s; fixed work %s. Day rate %s (%s).", c.framework.name.c_str(),
                       model::academic_year_label(y.academic_year).c_str(), y.schools.size(), calc::format_count(y.school_days).c_str(),
                       pennies_text(y.school_cost).c_str(), pennies_text(y.fixed_cost).c_str(), pennies_text(c.framework.day_rate).c_str(),
                       c.framework.day_rate_reason.c_str());
    if (c.base.sign() > 0)
        ImGui::TextWrapped("Financial year %s costs %s (5/12 of the academic year before + 7/12 of this one): funded by %s a pupil and "
                           "%s a place (%s / %s with the fixed work).",
                           model::academic_year_label(c.fy_total.financial_year).c_str(), pennies_text(c.fy_total.cost).c_str(),
                           rate_text(c.rate_per_pupil).c_str(), rate_text(c.rate_per_place).c_str(),
                           rate_text(c.rate_per_pupil_with_fixed).c_str(), rate_text(c.rate_per_place_with_fixed).c_str());
    if (c.service) {
        const calc::Decimal need = c.fy_total.cost;
        const calc::Decimal gap = c.service->raised - need;
        ImGui::TextWrapped("%s raises %s under the proposal: %s %s.", c.service->name.c_str(), pennies_text(c.service->raised).c_str(),
                           gap.sign() >= 0 ? "a margin of" : "a gap of", pennies_text(gap.sign() >= 0 ? gap : -gap).c_str());
    }
    if (!ImGui::BeginTable("improvement", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    const struct { const char* name; float weight; } columns[] = {{"School", 3}, {"Last inspection", 3}, {"Stage", 1}, {"Days", 0.8f}, {"Cost", 1.2f}};
    for (const auto& column : columns) ImGui::TableSetupColumn(column.name, ImGuiTableColumnFlags_WidthStretch, column.weight);
    ImGui::TableHeadersRow();
    for (const model::SchoolPlan& p : y.schools) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted((p.name + (p.standing.intervention ? " (intervention)" : "")).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted((p.last_inspection.empty() ? std::string("never") : p.last_inspection + ", " + p.outcome).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(p.stage_id.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(calc::format_count(p.days).c_str());
        ImGui::TableNextColumn();
        money_cell(p.cost, true);
    }
    ImGui::EndTable();
}

}  // namespace gui
