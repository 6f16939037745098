#pragma once
// Drives the real panels the way a user does, with no window: ImGui frames are
// built in memory (no GPU), and input arrives as mouse moves, clicks, typed
// characters and keys at the positions where named widgets were drawn the
// frame before (gui::probe records them).

#include "app/live_session.hpp"
#include "gui/app.hpp"
#include "gui/forecast_view.hpp"

#include <imgui.h>

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace testing_gui {

class Driver {
public:
    Driver(std::unique_ptr<app::LiveSession> live, float width, float height) : live_(std::move(live)) {
        context_ = ImGui::CreateContext();
        ImGui::SetCurrentContext(context_);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;  // key indices are ImGuiKey values
        gui::load_fonts();
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // what a renderer uploads once
        ui.scale = 1.0f;
        ui.keys = {kZoomIn, kZoomOut, kPresent};
        ui.probe = &rects;
        ui.selected_school = live_->selected;
        for (const rates::LedgerFile& l : live_->ledgers) forecasts.emplace_back(l);
        gui::apply_style(ui);
        for (int i = 0; i < 3; ++i) frame();  // new windows and tables settle their layout over the first frames
    }
    ~Driver() { ImGui::DestroyContext(context_); }

    static constexpr int kZoomIn = ImGuiKey_COUNT + 1, kZoomOut = ImGuiKey_COUNT + 2, kPresent = ImGuiKey_COUNT + 3;

    app::Scenario& scenario() { return live_->scenario; }
    app::LiveSession& live() { return *live_; }

    /// One frame: draw from the scenario, then apply what the panels asked for.
    void frame() {
        ImGui::SetCurrentContext(context_);  // a test may hold two drivers
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        rects.clear();
        ImGui::NewFrame();
        gui::draw_app(live_->scenario, ui, forecasts, {live_->inspections ? &*live_->inspections : nullptr});
        ImGui::Render();
        gui::end_frame(live_->scenario, ui);
        ++frames;
    }

    bool has(const std::string& name) const { return rects.count(name) != 0; }

    /// Moves to the widget drawn as `name` last frame and clicks it.
    void click(const std::string& name) {
        for (int tries = 0; tries < 3 && !has(name); ++tries) frame();
        ASSERT_TRUE(has(name)) << "no widget \"" << name << "\" on screen";
        const gui::WidgetRect r = rects.at(name);
        click_at(r.cx(), r.cy());
    }
    void click_at(float x, float y) {
        ImGui::SetCurrentContext(context_);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        frame();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
    }
    void type(const std::string& text) {
        ImGui::SetCurrentContext(context_);
        for (char c : text) {
            ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(c));
            frame();
        }
    }
    void key(int index, bool ctrl = false, bool shift = false) {
        ImGui::SetCurrentContext(context_);
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = ctrl;
        io.KeyShift = shift;
        io.KeysDown[index] = true;
        frame();
        io.KeysDown[index] = false;
        io.KeyCtrl = io.KeyShift = false;
        frame();
    }
    /// Clicks a text field, selects what is in it and types over it.
    void type_into(const std::string& name, const std::string& text) {
        click(name);
        key(ImGuiKey_A, true);
        type(text);
    }

    gui::UiState ui;
    std::vector<gui::ForecastView> forecasts;
    std::map<std::string, gui::WidgetRect> rects;
    long frames = 0;

private:
    std::unique_ptr<app::LiveSession> live_;
    ImGuiContext* context_ = nullptr;
};

}  // namespace testing_gui
