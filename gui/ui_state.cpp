#include "gui/ui_state.hpp"

#include "calc/diagnostic.hpp"

#include <imgui.h>

#include <filesystem>

namespace gui {

const std::vector<std::size_t>& visible_rows(const app::Scenario& session, UiState& ui) {
    if (ui.rows_revision != session.revision() || ui.rows_filter != ui.filter || ui.rows_academies != ui.show_academies) {
        ui.rows = session.school_rows(ui.filter, ui.sort_column, ui.sort_descending, ui.show_academies);
        ui.rows_revision = session.revision();
        ui.rows_filter = ui.filter;
        ui.rows_academies = ui.show_academies;
    }
    return ui.rows;
}

void request(UiState& ui, Action action) { ui.actions.push_back(std::move(action)); }

void apply_actions(app::Scenario& session, UiState& ui) {
    // An action may queue another (e.g. a dialog's); those run next frame.
    std::vector<Action> now;
    now.swap(ui.actions);
    for (Action& a : now) {
        try {
            a(session, ui);
        } catch (const calc::InputError& e) {
            ui.status = e.diagnostics.empty() ? std::string("Refused") : e.diagnostics.front().to_string();
        } catch (const std::filesystem::filesystem_error& e) {
            ui.status = std::string("Could not write: ") + e.what();
        }
    }
}

void probe(UiState& ui, const std::string& name) {
    if (!ui.probe || !ImGui::IsItemVisible()) return;  // a test can only click what is on screen
    const ImVec2 a = ImGui::GetItemRectMin();
    const ImVec2 b = ImGui::GetItemRectMax();
    (*ui.probe)[name] = {a.x, a.y, b.x, b.y};
}

}  // namespace gui
