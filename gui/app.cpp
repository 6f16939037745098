#include "gui/app.hpp"

#include "gui/panels.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>
#include <functional>

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

void set_scale(UiState& ui, float scale) {
    ui.scale = std::clamp(scale, 1.0f, 2.5f);
    ui.style_dirty = true;
}

void shortcuts(UiState& ui) {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) && !io.WantTextInput) ui.present = false;
    if (ui.keys.present >= 0 && ImGui::IsKeyPressed(ui.keys.present) && !io.WantTextInput) ui.present = !ui.present;
    if (!io.KeyCtrl || io.WantTextInput) return;
    const bool shift = io.KeyShift;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z)))
        request(ui, [shift](app::Scenario& s, UiState&) { shift ? s.redo() : s.undo(); });
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y))) request(ui, [](app::Scenario& s, UiState&) { s.redo(); });
    // Ctrl + / Ctrl - : text size for the projector, 25% a step.
    if (ui.keys.zoom_in >= 0 && ImGui::IsKeyPressed(ui.keys.zoom_in)) set_scale(ui, ui.scale + 0.25f);
    if (ui.keys.zoom_out >= 0 && ImGui::IsKeyPressed(ui.keys.zoom_out)) set_scale(ui, ui.scale - 0.25f);
}

void menu(const app::Scenario& session, UiState& ui) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Save scenario...")) ui.open_save = true;
        probe(ui, "menu:save");
        if (ImGui::MenuItem("Export CSV...")) ui.open_export = true;
        probe(ui, "menu:export");
        ImGui::Separator();
        if (ImGui::MenuItem("Quit")) ui.quit = true;
        probe(ui, "menu:quit");
        ImGui::EndMenu();
    }
    probe(ui, "menu:File");
    if (ImGui::BeginMenu("Edit")) {
        if (ImGui::MenuItem("Undo", "Ctrl+Z", false, session.can_undo())) request(ui, [](app::Scenario& s, UiState&) { s.undo(); });
        probe(ui, "menu:undo");
        if (ImGui::MenuItem("Redo", "Ctrl+Y", false, session.can_redo())) request(ui, [](app::Scenario& s, UiState&) { s.redo(); });
        probe(ui, "menu:redo");
        ImGui::EndMenu();
    }
    probe(ui, "menu:Edit");
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Present", "F5", ui.present)) ui.present = !ui.present;
        probe(ui, "menu:present");
        float percent = ui.scale * 100.0f;
        if (ImGui::SliderFloat("Scale (Ctrl +/-)", &percent, 100.0f, 250.0f, "%.0f%%")) set_scale(ui, percent / 100.0f);
        probe(ui, "menu:scale");
        if (ImGui::MenuItem("High contrast", nullptr, &ui.high_contrast)) ui.style_dirty = true;
        if (ImGui::BeginMenu("Columns")) {
            const struct { OptionalColumn c; const char* name; } columns[] = {
                {OptionalColumn::urn, "URN"}, {OptionalColumn::phase, "Phase"}, {OptionalColumn::nor, "NOR"},
                {OptionalColumn::baseline, "Baseline"}, {OptionalColumn::change_percent, "Change %"}};
            for (const auto& col : columns) {
                const auto it = ui.column_wanted.find(col.c);
                bool on = it != ui.column_wanted.end() && it->second;
                if (ImGui::MenuItem(col.name, nullptr, &on)) ui.column_wanted[col.c] = on;
            }
            if (ImGui::MenuItem("Fit to the window")) ui.column_wanted.clear();
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    probe(ui, "menu:View");
    if (!ui.warning.empty()) ImGui::TextColored(ImVec4(0.85f, 0.1f, 0.1f, 1), "   %s", ui.warning.c_str());
    if (!ui.status.empty()) ImGui::TextDisabled("   %s", ui.status.c_str());
    ImGui::EndMainMenuBar();
}

// A popup asking for a path, then queueing `action` on it.
void path_dialog(const char* title, bool& open, std::string& path, UiState& ui,
                 std::function<void(app::Scenario&, const std::string&)> action) {
    if (open) {
        ImGui::OpenPopup(title);
        open = false;
    }
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted("File:");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
    ImGui::InputText("##path", &path);
    probe(ui, std::string("dialog:") + title + ":path");
    if (ImGui::Button("Write")) {
        request(ui, [action, p = path](app::Scenario& s, UiState& u) {
            action(s, p);
            u.status = "Wrote " + p;
        });
        ImGui::CloseCurrentPopup();
    }
    probe(ui, std::string("dialog:") + title + ":write");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    probe(ui, std::string("dialog:") + title + ":cancel");
    ImGui::EndPopup();
}

// Shown until answered: the scenario keeps the file it came from as it is until then (Scenario::offer_recovery).
void recovery_dialog(const app::Scenario& session, UiState& ui) {
    if (!session.recovery_offered()) return;
    ImGui::OpenPopup("Recover unsaved scenario?");
    if (!ImGui::BeginPopupModal("Recover unsaved scenario?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted("The last session on these files ended without closing.");
    ImGui::TextUnformatted("Its scenario was saved after every edit.");
    if (!ui.recovery_note.empty()) ImGui::TextDisabled("%s", ui.recovery_note.c_str());
    ImGui::TextDisabled("Until you answer, it is kept as it is, even if this window closes.");
    if (ImGui::Button("Restore it")) {
        request(ui, [](app::Scenario& s, UiState& u) {
            s.restore_recovery();
            u.status = "Restored the unsaved scenario";
        });
        ImGui::CloseCurrentPopup();
    }
    probe(ui, "recovery:restore");
    ImGui::SameLine();
    if (ImGui::Button("Discard it")) {
        request(ui, [](app::Scenario& s, UiState&) { s.discard_offered_recovery(); });
        ImGui::CloseCurrentPopup();
    }
    probe(ui, "recovery:discard");
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

void draw_app(const app::Scenario& session, UiState& ui, std::vector<ForecastView>& forecasts, const ImprovementInputs& improvement) {
    shortcuts(ui);
    menu(session, ui);
    if (ui.present) {
        draw_present_view(session, ui);
    } else {
        // On a projector (large text) the schedule takes less of the width, the schools more.
        const float left = ui.scale >= 1.75f ? 0.30f : 0.36f;
        if (begin_panel("Schedule", 0, 0, left, 1.0f)) draw_schedule_panel(session, ui);
        ImGui::End();
        const auto before = ui.selected_school;
        if (begin_panel("Schools", left, 0, 1 - left, 0.55f)) draw_schools_panel(session, ui);
        ImGui::End();
        if (begin_panel("Details", left, 0.55f, 1 - left, 0.45f)) {
            // Picking a school turns to its breakdown.
            const bool picked = ui.selected_school != before || ui.show_tab == UiState::Tab::school;
            auto bring = [&](UiState::Tab tab) { return ui.show_tab == tab ? ImGuiTabItemFlags_SetSelected : 0; };
            if (ImGui::BeginTabBar("details")) {
                const bool totals = ImGui::BeginTabItem("Totals", nullptr, bring(UiState::Tab::totals));
                probe(ui, "tab:totals");
                if (totals) {
                    draw_totals_panel(session);
                    probe(ui, "content:totals");
                    ImGui::EndTabItem();
                }
                const bool school = ImGui::BeginTabItem("What it costs the school", nullptr, picked ? ImGuiTabItemFlags_SetSelected : 0);
                probe(ui, "tab:school");
                if (school) {
                    draw_breakdown_panel(session, ui);
                    probe(ui, "content:school");
                    ImGui::EndTabItem();
                }
                const bool forecast = ImGui::BeginTabItem("Forecast", nullptr, bring(UiState::Tab::forecast));
                probe(ui, "tab:forecast");
                if (forecast) {
                    draw_forecast_panel(session, forecasts, ui);
                    probe(ui, "content:forecast");
                    ImGui::EndTabItem();
                }
                const bool improving = ImGui::BeginTabItem("Improvement", nullptr, bring(UiState::Tab::improvement));
                probe(ui, "tab:improvement");
                if (improving) {
                    draw_improvement_panel(session, improvement, ui);
                    probe(ui, "content:improvement");
                    ImGui::EndTabItem();
                }
                ImGui::EndTabBar();
            }
            ui.show_tab = UiState::Tab::none;
        }
        ImGui::End();
    }
    path_dialog("Save scenario", ui.open_save, ui.save_path, ui, [](app::Scenario& s, const std::string& p) {
        s.save_scenario(p);
        s.discard_recovery();
    });
    path_dialog("Export CSV", ui.open_export, ui.export_path, ui, [](app::Scenario& s, const std::string& p) { s.export_csv(p); });
    recovery_dialog(session, ui);
}

void end_frame(app::Scenario& session, UiState& ui) {
    apply_actions(session, ui);
    if (ui.style_dirty) {
        apply_style(ui);
        ui.style_dirty = false;
    }
}

}  // namespace gui
