// dedeleg-gui: the live what-if window. The only file that knows GLFW and
// OpenGL: it opens the window, runs the frame loop and takes screenshots.
#include "app/exit_codes.hpp"
#include "calc/diagnostic.hpp"
#include "app/live_session.hpp"
#include "gui/app.hpp"

#include <CLI/CLI.hpp>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <cstdlib>
#include <iostream>
#include <set>
#include <vector>

namespace {

struct Options {
    app::LiveSpec live;
    std::string size = "1280x720";
    float scale = 125;
    bool high_contrast = false;
    std::string sort;                // a column to sort by, descending (scripted sessions)
    std::string tab;                 // totals, school or forecast (scripted sessions)
    std::string screenshot;          // render, write this PNG, check it is not blank, exit
};

// Reads the frame just drawn, writes it as a PNG, and says whether it shows anything.
bool screenshot(const std::string& path, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    stbi_flip_vertically_on_write(1);
    if (!stbi_write_png(path.c_str(), width, height, 4, pixels.data(), width * 4)) {
        std::cerr << "dedeleg-gui: cannot write " << path << '\n';
        return false;
    }
    std::set<unsigned> colours;
    for (std::size_t i = 0; i + 3 < pixels.size() && colours.size() < 64; i += 4 * 97)
        colours.insert(unsigned(pixels[i]) << 16 | unsigned(pixels[i + 1]) << 8 | pixels[i + 2]);
    std::cout << "dedeleg-gui: wrote " << path << " (" << width << "x" << height << ", " << colours.size()
              << (colours.size() >= 64 ? "+" : "") << " colours sampled)\n";
    return colours.size() >= 8;
}

int run(Options& opts) {
    int width = 1280, height = 720;
    if (std::sscanf(opts.size.c_str(), "%dx%d", &width, &height) != 2 || width < 320 || height < 240) {
        std::cerr << "--size: write WIDTHxHEIGHT, e.g. 1920x1080\n";
        return 1;
    }
    // Scripted options are input: a wrong one is refused (exit 2), never ignored.
    if (!opts.sort.empty() && opts.sort != "change" && opts.sort != "name")
        throw calc::InputError({{"--sort", 0, "", "sort by change or name, not \"" + opts.sort + "\""}});
    if (!opts.tab.empty() && opts.tab != "totals" && opts.tab != "school" && opts.tab != "forecast" && opts.tab != "improvement")
        throw calc::InputError({{"--tab", 0, "", "show totals, school, forecast or improvement, not \"" + opts.tab + "\""}});
    // A scripted screenshot may read a recovery file (to show the offer) but never writes or removes one.
    opts.live.autosave = opts.screenshot.empty();
    const std::unique_ptr<app::LiveSession> live = app::open_live_session(opts.live);
    app::Scenario& session = live->scenario;

    gui::UiState ui;
    ui.scale = opts.scale / 100.0f;
    ui.high_contrast = opts.high_contrast;
    ui.keys = {GLFW_KEY_EQUAL, GLFW_KEY_MINUS, GLFW_KEY_F5};
    ui.recovery_note = live->recovery.note;
    for (const std::string* w : {&live->recovery.problem, &live->warning})
        if (!w->empty()) {
            ui.warning += (ui.warning.empty() ? "" : " | ") + *w;
            std::cerr << "dedeleg-gui: " << *w << '\n';
        }
    if (session.recovery_offered()) std::cout << "dedeleg-gui: offering to restore the unsaved scenario in " << live->recovery_source << '\n';
    ui.selected_school = live->selected;
    std::vector<gui::ForecastView> forecasts;
    for (const rates::LedgerFile& l : live->ledgers) forecasts.emplace_back(l);
    if (opts.tab == "school") ui.show_tab = gui::UiState::Tab::school;
    if (opts.tab == "forecast") ui.show_tab = gui::UiState::Tab::forecast;
    if (opts.tab == "improvement") ui.show_tab = gui::UiState::Tab::improvement;
    if (!opts.sort.empty()) {
        ui.sort_column = opts.sort == "change" ? app::SchoolColumn::change : app::SchoolColumn::name;
        ui.sort_descending = opts.sort == "change";
    }

    if (!glfwInit()) {
        std::cerr << "dedeleg-gui: cannot open a display (is DISPLAY set? try xvfb-run)\n";
        return 2;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    GLFWwindow* window = glfwCreateWindow(width, height, "dedeleg: live what-if", nullptr, nullptr);
    if (!window) {
        std::cerr << "dedeleg-gui: cannot create an OpenGL 3 window\n";
        glfwTerminate();
        return 2;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // the layout is fixed; nothing to remember
    gui::load_fonts();
    gui::apply_style(ui);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");

    int exit_code = 0;
    for (int frame = 0; !glfwWindowShouldClose(window) && !ui.quit; ++frame) {
        glfwPollEvents();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        gui::draw_app(session, ui, forecasts, {live->inspections ? &*live->inspections : nullptr});
        ImGui::Render();
        int fb_width = 0, fb_height = 0;
        glfwGetFramebufferSize(window, &fb_width, &fb_height);
        glViewport(0, 0, fb_width, fb_height);
        glClearColor(0.5f, 0.5f, 0.5f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        // A few frames let the tables settle their column widths before the picture.
        if (!opts.screenshot.empty() && frame == 5) {
            exit_code = screenshot(opts.screenshot, fb_width, fb_height) ? 0 : 1;
            ui.quit = true;
        }
        glfwSwapBuffers(window);
        gui::end_frame(session, ui);  // the frame is drawn: now its actions change the scenario
        if (!session.autosave_problem().empty() && ui.warning.find(session.autosave_problem()) == std::string::npos)
            ui.warning = session.autosave_problem();
    }
    app::close_live_session(*live);  // nothing left to recover, unless an offer is still unanswered
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
    // Any path but an empty one (which would open Havering's figures unasked); a
    // file that is missing or unreadable is the loader's to name, exit 2, as in `dedeleg`.
    const CLI::Validator input_path(
        [](std::string& path) { return path.empty() ? std::string("an empty path; give a file") : std::string(); }, "FILE");
    CLI::App parser{"dedeleg-gui: the live what-if window for a Schools Funding Forum. Change a rate, vote a phase out or "
                 "pick an option and every school's figure moves at once. With no options it opens the shipped Havering "
                 "sample with 2024-25 as baseline and 2025-26 as the proposal.",
                 "dedeleg-gui"};
    Options opts;
    app::LiveSpec& live = opts.live;
    parser.add_option("--rates,-r", live.inputs.rates, "The proposal: a rate schedule (TOML). Default: Havering 2025-26")
        ->check(input_path);
    parser.add_option("--census,-c", live.inputs.census, "Census of schools (CSV). Default: the shipped Havering sample")
        ->check(input_path);
    parser.add_option("--baseline,-b", live.baseline, "The schedule to compare with; give it with --rates. Default: Havering 2024-25 (with the shipped proposal)")
        ->check(input_path);
    parser.add_option("--ledger", live.ledgers,
                      "A service's ledger (TOML) for the Forecast tab, following the proposal's rate (repeatable). "
                      "Default: Havering's maternity ledger with the shipped proposal, none with --rates")
        ->check(input_path);
    parser.add_option("--option", live.inputs.choices, "Start with a service's alternative rates, e.g. trade-union=pay-rise (repeatable)");
    parser.add_option("--recovery-file", live.recovery_file,
                      "Where the scenario is saved after every edit, to be offered back after a crash. Default: "
                      "$XDG_STATE_HOME/dedeleg or ~/.local/state/dedeleg, one file per set of inputs. Never one of the inputs "
                      "(refused). A scenario offered back is kept there until you answer Restore or Discard");
    parser.add_option("--size", opts.size, "Window size, WIDTHxHEIGHT")->capture_default_str();
    parser.add_option("--scale", opts.scale, "Text size in % (100-250); Ctrl +/- in the window")
        ->check(CLI::Range(100.0f, 250.0f))->capture_default_str();
    parser.add_flag("--high-contrast", opts.high_contrast, "White on black, for projectors");
    parser.add_option("--edit", live.edits, "Apply an edit at start, e.g. maternity.AWPU=41.08 (repeatable)");
    parser.add_option("--sort", opts.sort, "Sort the schools at start: change (largest first) or name");
    parser.add_option("--select", live.select, "Select a school by URN at start");
    parser.add_option("--tab", opts.tab, "Details tab to show at start: totals, school, forecast or improvement");
    parser.add_option("--inspections", live.inspections,
                      "Ofsted's latest inspections (CSV, data/ofsted/ columns) for the Improvement tab. Default: "
                      "Havering's with the shipped sample census, none with --census")
        ->check(input_path);
    parser.add_option("--screenshot", opts.screenshot,
                      "Draw a few frames, write this PNG, check it is not blank, and exit (writes no recovery file)");
    return app::run_mapping_errors("dedeleg-gui", [&] {
        try {
            parser.parse(argc, argv);
        } catch (const CLI::ParseError& e) {
            return parser.exit(e) == 0 ? int(app::ok) : int(app::usage);
        }
        return run(opts);
    }, std::cerr);
}
