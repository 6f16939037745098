// Schedule: every service's rates, phase votes and options, editable.
#include "calc/number_text.hpp"
#include "gui/panels.hpp"
#include "gui/widgets.hpp"

#include <imgui.h>

#include <cstring>

namespace gui {

namespace {

void phase_votes(app::Scenario& session, std::size_t s) {
    const calc::Service& service = session.proposal().services[s];
    std::vector<calc::Phase> phases = {calc::Phase::primary, calc::Phase::secondary, calc::Phase::all_through};
    if (service.kind == calc::ServiceKind::education_function) phases.push_back(calc::Phase::special);
    ImGui::TextUnformatted("Charged to:");
    for (calc::Phase p : phases) {
        ImGui::SameLine();
        bool on = service.covers(p);
        const std::string label = std::string(calc::label_of(p)) + "##" + service.id;
        if (ImGui::Checkbox(label.c_str(), &on)) session.set_phase(s, p, on);
    }
}

void options(app::Scenario& session, std::size_t s) {
    const calc::Service& service = session.proposal().services[s];
    if (service.options.size() < 2) return;
    for (std::size_t o = 0; o < service.options.size(); ++o) {
        const std::string label = service.options[o].label + "##" + service.id + std::to_string(o);
        if (ImGui::RadioButton(label.c_str(), service.selected == o)) session.select_option(s, o);
    }
}

void rate_row(app::Scenario& session, std::size_t s, calc::Factor factor, const calc::Rate& rate) {
    const calc::Service& service = session.proposal().services[s];
    const std::string id = service.id + "." + std::string(calc::code_of(factor));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(std::string(calc::label_of(factor)).c_str());

    ImGui::TableNextColumn();
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s", rate.value.to_string().c_str());
    ImGui::SetNextItemWidth(-1);
    // Typing commits on Enter or when the field loses focus; bad text is ignored.
    if (ImGui::InputText(("##" + id).c_str(), buffer, sizeof buffer,
                         ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_AutoSelectAll)) {
        try {
            const calc::NumberText n = calc::parse_number(buffer);
            if (!n.percent && calc::is_valid_rate(n.value)) session.set_rate(s, factor, n.value);
        } catch (const calc::InvalidNumber&) {
        }
    }
    ImGui::TableNextColumn();
    const struct { const char* label; const char* delta; } steps[] = {{"-10", "-0.10"}, {"-1", "-0.01"}, {"+1", "0.01"}, {"+10", "0.10"}};
    for (const auto& step : steps) {
        if (ImGui::SmallButton((std::string(step.label) + "##" + id).c_str()))
            session.step_rate(s, factor, calc::parse_number(step.delta).value);
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::TableNextColumn();
    const auto before = session.baseline_rate(s, factor);
    ImGui::TextDisabled("%s", before ? rate_text(before->value).c_str() : "new");
}

}  // namespace

void draw_schedule_panel(app::Scenario& session, UiState&) {
    const calc::Schedule& proposal = session.proposal();
    ImGui::Text("%s %s (baseline %s)", proposal.authority.c_str(), proposal.year.c_str(), session.baseline().year.c_str());
    for (std::size_t s = 0; s < proposal.services.size(); ++s) {
        const calc::Service& service = proposal.services[s];
        ImGui::PushID(static_cast<int>(s));
        if (ImGui::CollapsingHeader(service.name.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
            phase_votes(session, s);
            options(session, s);
            if (ImGui::BeginTable("rates", 4, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH)) {
                ImGui::TableSetupColumn("Factor", ImGuiTableColumnFlags_WidthStretch);
                ImGui::TableSetupColumn("Rate £", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("000.0000").x);
                ImGui::TableSetupColumn("Step (pence)", ImGuiTableColumnFlags_WidthFixed,
                                        ImGui::CalcTextSize("-10 -1 +1 +10").x + ImGui::GetStyle().FramePadding.x * 8 +
                                            ImGui::GetStyle().ItemSpacing.x * 3);
                ImGui::TableSetupColumn(session.baseline().year.c_str(), ImGuiTableColumnFlags_WidthFixed,
                                        ImGui::CalcTextSize("£00.00").x);
                ImGui::TableHeadersRow();
                // Copy: an edit inside the loop may replace the proposal.
                const auto rates = proposal.services[s].selected_option().rates;
                for (const auto& [factor, rate] : rates) rate_row(session, s, factor, rate);
                ImGui::EndTable();
            }
        }
        ImGui::PopID();
    }
}

}  // namespace gui
