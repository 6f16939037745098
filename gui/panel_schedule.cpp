// Schedule: every service's rates, phase votes and options, editable. Reads
// the scenario; every change is a queued action (see gui/ui_state.hpp).
#include "calc/effective_rates.hpp"
#include "calc/money_format.hpp"
#include "calc/number_text.hpp"
#include "gui/panels.hpp"
#include "gui/widgets.hpp"

#include <imgui.h>

#include <cstring>
#include <optional>

namespace gui {

namespace {

void phase_votes(const app::Scenario& session, std::size_t s, UiState& ui) {
    const calc::Service& service = session.proposal().services[s];
    std::vector<calc::Phase> phases = {calc::Phase::primary, calc::Phase::secondary, calc::Phase::all_through};
    if (service.kind == calc::ServiceKind::education_function) phases.push_back(calc::Phase::special);
    ImGui::TextUnformatted("Charged to:");
    const ImGuiStyle& style = ImGui::GetStyle();
    for (calc::Phase p : phases) {
        // Side by side while they fit, else on the next line (large text, narrow panel).
        same_line_if_fits(ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(std::string(calc::label_of(p)).c_str()).x);
        bool on = service.covers(p);
        const std::string label = std::string(calc::label_of(p)) + "##" + service.id;
        if (ImGui::Checkbox(label.c_str(), &on))
            request(ui, [s, p, on](app::Scenario& sc, UiState&) { sc.set_phase(s, p, on); });
        probe(ui, "phase:" + service.id + ":" + std::string(calc::name_of(p)));
    }
}

void options(const app::Scenario& session, std::size_t s, UiState& ui) {
    const calc::Service& service = session.proposal().services[s];
    if (service.options.size() < 2) return;
    for (std::size_t o = 0; o < service.options.size(); ++o) {
        const std::string label = service.options[o].label + "##" + service.id + std::to_string(o);
        if (ImGui::RadioButton(label.c_str(), service.selected == o))
            request(ui, [s, o](app::Scenario& sc, UiState&) { sc.select_option(s, o); });
        probe(ui, "option:" + service.id + ":" + service.options[o].id);
    }
}

// A rate typed into the field: applied when it is a rate the schedule can
// hold, otherwise kept in the field, marked, with the reason beside it.
void commit_typed(const std::string& id, std::size_t s, calc::Factor factor, std::optional<calc::Phase> phase,
                  const calc::Decimal& current, const std::string& text, UiState& ui) {
    std::string reason;
    try {
        const calc::NumberText n = calc::parse_number(text);
        if (n.percent) reason = "a rate is in pounds, not a percentage";
        else if (const auto why = calc::rate_problem(n.value)) reason = *why;
        else if (const auto sep = calc::separator_problem(text, factor)) reason = *sep;
        else {
            ui.rejected_rates.erase(id);
            if (n.value != current)
                request(ui, [s, factor, phase, v = n.value](app::Scenario& sc, UiState&) { sc.set_rate(s, factor, v, phase); });
            return;
        }
    } catch (const calc::InvalidNumber& e) {
        reason = e.what();
    }
    ui.rejected_rates[id] = {text, reason};
}

// One factor: its label and last year's rate on one line, then the field and
// the steps, so the row fits the panel at every text size.
void rate_row(const app::Scenario& session, std::size_t s, calc::Factor factor, const calc::Rate& rate, UiState& ui,
              std::optional<calc::Phase> phase = {}) {
    const calc::Service& service = session.proposal().services[s];
    const std::string id = service.id + "." + std::string(calc::code_of(factor)) + (phase ? "@" + std::string(calc::name_of(*phase)) : "");
    ImGui::TextUnformatted(std::string(calc::label_of(factor)).c_str());
    ImGui::SameLine();
    const auto before = session.baseline_rate(s, factor, phase);
    ImGui::TextDisabled("(%s: %s)", session.baseline().year.c_str(), before ? rate_text(before->value).c_str() : "new");

    // A copy: committing or abandoning below changes ui.rejected_rates.
    const auto found = ui.rejected_rates.find(id);
    const std::optional<RejectedRate> rejected =
        found == ui.rejected_rates.end() ? std::nullopt : std::optional<RejectedRate>(found->second);
    const bool marked = rejected.has_value();
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s", marked ? rejected->text.c_str() : rate.value.to_string().c_str());
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("£");
    ImGui::SameLine(0, 2);
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("000.0000").x + ImGui::GetStyle().FramePadding.x * 2);
    if (marked) {
        ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0.9f, 0.1f, 0.1f, 1));
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f);
    }
    // Typing commits on Enter or when the field loses focus; Esc abandons it.
    ImGui::InputText(("##" + id).c_str(), buffer, sizeof buffer, ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_AutoSelectAll);
    const bool escaped = ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (marked) {
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
    }
    probe(ui, "rate:" + id);
    if (escaped) ui.rejected_rates.erase(id);
    else if (ImGui::IsItemDeactivatedAfterEdit()) commit_typed(id, s, factor, phase, rate.value, buffer, ui);

    // Steps of 1p and 10p; 0.1p and 1p when the rate has three or four places.
    const bool fine = rate.value.significant_places() > 2;
    const struct { const char* label; const char* delta; } coarse[] = {{"-10", "-0.10"}, {"-1", "-0.01"}, {"+1", "0.01"}, {"+10", "0.10"}};
    const struct { const char* label; const char* delta; } tenths[] = {{"-1", "-0.01"}, {"-.1", "-0.001"}, {"+.1", "0.001"}, {"+1", "0.01"}};
    for (int k = 0; k < 4; ++k) {
        const char* label = fine ? tenths[k].label : coarse[k].label;
        const char* delta = fine ? tenths[k].delta : coarse[k].delta;
        same_line_if_fits(ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2);
        if (ImGui::SmallButton((std::string(label) + "##" + id).c_str()))
            request(ui, [s, factor, phase, d = calc::parse_number(delta).value](app::Scenario& sc, UiState&) { sc.step_rate(s, factor, d, phase); });
        probe(ui, "step:" + std::string(label) + ":" + id);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s pence", label);
    }
    if (marked) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImVec4(0.85f, 0.1f, 0.1f, 1), "Not applied: %s (Esc to abandon)", rejected->reason.c_str());
        ImGui::PopTextWrapPos();
    }
}

// A budget-first service: each budget editable; the rate it gives on this census shown with its working.
void budget_rows(const app::Scenario& session, std::size_t s, UiState& ui) {
    const calc::Service& service = session.proposal().services[s];
    const calc::RateOption& option = service.selected_option();
    for (const calc::BudgetWorking& w : calc::budget_working(session.census(), service, option, session.proposal().rounding)) {
        const std::string id = service.id + ".budget" + (w.phase ? "@" + std::string(calc::name_of(*w.phase)) : "");
        ImGui::TextUnformatted(w.phase ? ("Budget, " + std::string(calc::label_of(*w.phase))).c_str() : "Budget");
        ImGui::SameLine();
        ImGui::TextDisabled("(budget-first: spread over %s)", std::string(calc::label_of(w.basis)).c_str());
        const auto found = ui.rejected_rates.find(id);
        const std::optional<RejectedRate> rejected =
            found == ui.rejected_rates.end() ? std::nullopt : std::optional<RejectedRate>(found->second);
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%s", rejected ? rejected->text.c_str() : w.budget.to_string().c_str());
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("£");
        ImGui::SameLine(0, 2);
        ImGui::SetNextItemWidth(ImGui::CalcTextSize("0,000,000.00").x + ImGui::GetStyle().FramePadding.x * 2);
        ImGui::InputText(("##" + id).c_str(), buffer, sizeof buffer, ImGuiInputTextFlags_AutoSelectAll);
        probe(ui, "budget:" + id);
        const bool escaped = ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
        if (escaped) ui.rejected_rates.erase(id);
        else if (ImGui::IsItemDeactivatedAfterEdit()) {
            std::string reason;
            try {
                const calc::NumberText n = calc::parse_number(buffer);  // budgets may use thousands separators
                if (n.percent || n.value.sign() < 0 || n.value.significant_places() > 2) reason = "a budget is pounds and pence, not negative";
                else {
                    ui.rejected_rates.erase(id);
                    if (n.value != w.budget)
                        request(ui, [s, phase = w.phase, v = n.value](app::Scenario& sc, UiState&) { sc.set_budget(s, phase, v); });
                }
            } catch (const calc::InvalidNumber& e) {
                reason = e.what();
            }
            if (!reason.empty()) ui.rejected_rates[id] = {buffer, reason};
        }
        if (rejected) ImGui::TextColored(ImVec4(0.85f, 0.1f, 0.1f, 1), "Not applied: %s (Esc to abandon)", rejected->reason.c_str());
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s ÷ %s = %s → rate %s%s, charges add to %s", calc::format_pounds_exact(w.budget).c_str(),
                            calc::format_count(w.base).c_str(),
                            w.base.sign() > 0 ? calc::divide(w.budget, w.base, 6, calc::RoundingMode::half_even).to_string().c_str() : "-",
                            rate_text(w.rate).c_str(), w.raised_to_meet() ? " (raised until the pennies meet the budget)" : "",
                            calc::format_pounds_exact(w.charged.value).c_str());
        ImGui::PopTextWrapPos();
    }
}

}  // namespace

void draw_schedule_panel(const app::Scenario& session, UiState& ui) {
    const calc::Schedule& proposal = session.proposal();
    ImGui::TextWrapped("%s %s (baseline %s)", proposal.authority.c_str(), proposal.year.c_str(), session.baseline().year.c_str());
    for (std::size_t s = 0; s < proposal.services.size(); ++s) {
        const calc::Service& service = proposal.services[s];
        ImGui::PushID(static_cast<int>(s));
        if (ImGui::CollapsingHeader(service.name.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
            phase_votes(session, s, ui);
            options(session, s, ui);
            const calc::RateOption& option = service.selected_option();
            if (option.budget) budget_rows(session, s, ui);
            else {
                for (const auto& [factor, rate] : option.rates) rate_row(session, s, factor, rate, ui);
                // A phase's own rates replace the service-wide ones for its schools.
                for (const calc::PhaseRates& pr : option.phase_rates) {
                    ImGui::TextDisabled("%s schools' own rates:", std::string(calc::label_of(pr.phase)).c_str());
                    ImGui::Indent();
                    for (const auto& [factor, rate] : pr.rates) rate_row(session, s, factor, rate, ui, pr.phase);
                    ImGui::Unindent();
                }
            }
        }
        ImGui::PopID();
    }
}

}  // namespace gui
