#include "gui/app.hpp"

#include "gui/panels.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <filesystem>

namespace gui {

void load_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x2193, 0x2212, 0x2212, 0};
    const char* candidates[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"};
    for (const char* path : candidates)
        if (std::filesystem::exists(path) && io.Fonts->AddFontFromFileTTF(path, 15.0f * kFontOversample, nullptr, ranges))
            return;
    ImFontConfig config;
    config.SizePixels = 13.0f * kFontOversample;
    io.Fonts->AddFontDefault(&config);
}

void apply_style(const UiState& ui) {
    ImGuiStyle style;
    if (ui.high_contrast) {
        ImGui::StyleColorsDark(&style);
        style.Colors[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 1);
        style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 1);
        style.Colors[ImGuiCol_Text] = ImVec4(1, 1, 1, 1);
        style.Colors[ImGuiCol_TableRowBgAlt] = ImVec4(0.15f, 0.15f, 0.15f, 1);
        style.Colors[ImGuiCol_Header] = ImVec4(0.1f, 0.3f, 0.7f, 1);
        style.Colors[ImGuiCol_Border] = ImVec4(1, 1, 1, 1);
        style.Colors[ImGuiCol_PlotHistogram] = ImVec4(1, 0.85f, 0, 1);
        style.FrameBorderSize = 1;
        style.WindowBorderSize = 2;
    } else {
        ImGui::StyleColorsLight(&style);
        style.Colors[ImGuiCol_PlotHistogram] = ImVec4(0.3f, 0.3f, 0.3f, 1);
        style.WindowBorderSize = 1;
    }
    style.ScaleAllSizes(ui.scale);
    ImGui::GetStyle() = style;
    ImGui::GetIO().FontGlobalScale = ui.scale / kFontOversample;
}

namespace {

void shortcuts(app::Scenario& session, UiState& ui) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl || io.WantTextInput) return;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z))) {
        if (io.KeyShift) session.redo();
        else session.undo();
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y))) session.redo();
    (void)ui;
}

void menu(app::Scenario& session, UiState& ui) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Save scenario...")) ui.open_save = true;
        if (ImGui::MenuItem("Export CSV...")) ui.open_export = true;
        ImGui::Separator();
        if (ImGui::MenuItem("Quit")) ui.quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        if (ImGui::MenuItem("Undo", "Ctrl+Z", false, session.can_undo())) session.undo();
        if (ImGui::MenuItem("Redo", "Ctrl+Y", false, session.can_redo())) session.redo();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        bool changed = false;
        float percent = ui.scale * 100.0f;
        if (ImGui::SliderFloat("Scale", &percent, 100.0f, 250.0f, "%.0f%%")) {
            ui.scale = percent / 100.0f;
            changed = true;
        }
        changed |= ImGui::MenuItem("High contrast", nullptr, &ui.high_contrast);
        if (changed) apply_style(ui);
        ImGui::EndMenu();
    }
    if (!ui.status.empty()) ImGui::TextDisabled("   %s", ui.status.c_str());
    ImGui::EndMainMenuBar();
}

// A popup asking for a path, then running `action` on it.
template <class Action>
void path_dialog(const char* title, bool& open, std::string& path, UiState& ui, Action action) {
    if (open) {
        ImGui::OpenPopup(title);
        open = false;
    }
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted("File:");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
    ImGui::InputText("##path", &path);
    if (ImGui::Button("Write")) {
        try {
            action(path);
            ui.status = "Wrote " + path;
        } catch (const std::exception& e) {
            ui.status = std::string("Could not write: ") + e.what();
        }
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void recovery_dialog(app::Scenario& session, UiState& ui) {
    if (!ui.recovery) return;
    ImGui::OpenPopup("Recover unsaved scenario?");
    if (!ImGui::BeginPopupModal("Recover unsaved scenario?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted("The last session ended without closing. Its scenario was saved after every edit.");
    if (ImGui::Button("Restore it")) {
        session.replace_proposal(*ui.recovery);
        ui.recovery.reset();
        ui.status = "Restored the unsaved scenario";
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Discard it")) {
        ui.recovery.reset();
        session.discard_recovery();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// A fixed window at a share of the screen below the menu bar.
bool begin_panel(const char* title, float x, float y, float w, float h) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 origin = vp->WorkPos;
    const ImVec2 size = vp->WorkSize;
    ImGui::SetNextWindowPos(ImVec2(origin.x + size.x * x, origin.y + size.y * y));
    ImGui::SetNextWindowSize(ImVec2(size.x * w, size.y * h));
    return ImGui::Begin(title, nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
}

}  // namespace

void draw_app(app::Scenario& session, UiState& ui, ForecastView* forecast) {
    shortcuts(session, ui);
    menu(session, ui);
    if (begin_panel("Schedule", 0, 0, 0.36f, 1.0f)) draw_schedule_panel(session, ui);
    ImGui::End();
    const auto before = ui.selected_school;
    if (begin_panel("Schools", 0.36f, 0, 0.64f, 0.55f)) draw_schools_panel(session, ui);
    ImGui::End();
    if (begin_panel("Details", 0.36f, 0.55f, 0.64f, 0.45f)) {
        // Picking a school turns to its breakdown.
        const bool picked = ui.selected_school != before || ui.show_tab == UiState::Tab::school;
        auto bring = [&](UiState::Tab tab) { return ui.show_tab == tab ? ImGuiTabItemFlags_SetSelected : 0; };
        if (ImGui::BeginTabBar("details")) {
            if (ImGui::BeginTabItem("Totals", nullptr, bring(UiState::Tab::totals))) {
                draw_totals_panel(session);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("What it costs the school", nullptr, picked ? ImGuiTabItemFlags_SetSelected : 0)) {
                draw_breakdown_panel(session, ui);
                ImGui::EndTabItem();
            }
            if (forecast && ImGui::BeginTabItem("Forecast", nullptr, bring(UiState::Tab::forecast))) {
                draw_forecast_panel(session, *forecast);
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
        ui.show_tab = UiState::Tab::none;
    }
    ImGui::End();
    path_dialog("Save scenario", ui.open_save, ui.save_path, ui, [&](const std::string& p) {
        session.save_scenario(p);
        session.discard_recovery();
    });
    path_dialog("Export CSV", ui.open_export, ui.export_path, ui, [&](const std::string& p) { session.export_csv(p); });
    recovery_dialog(session, ui);
}

}  // namespace gui
