// A seeded random "monkey" over the whole live window for a bounded time:
// random moves, clicks, drags, wheel, typed characters and keys (Enter, Esc,
// Tab, Backspace, Ctrl+Z/Y, Ctrl +/-, Present), at projector and laptop
// scales. After every few frames the scenario's incremental figures must equal
// the engine's afresh. Run under AddressSanitizer + UBSan in CI.
//   gui_monkey_test --seconds 60 --seed 1 --la havering|devon
#include "gui_driver.hpp"

#include "calc/per_school.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>

namespace {

int fail(const std::string& why, long frame, std::uint64_t seed) {
    std::cerr << "gui monkey: " << why << " (frame " << frame << ", seed " << seed << ")\n";
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    double seconds = 10;
    std::uint64_t seed = 1;
    std::string la = "havering";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--seconds") seconds = std::atof(argv[i + 1]);
        else if (a == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
        else if (a == "--la") la = argv[i + 1];
    }
    // Dialogs write where the monkey types: keep that in a folder of its own.
    char pattern[] = "/tmp/dedeleg-monkey-XXXXXX";
    if (!::mkdtemp(pattern)) return fail("mkdtemp failed", 0, seed);
    const std::filesystem::path dir = pattern;
    std::filesystem::current_path(dir);

    app::LiveSpec spec;
    spec.recovery_file = (dir / "recovery.toml").string();
    if (la == "devon") {
        const std::string devon = DEDELEG_TEST_DATA "/devon";
        spec.inputs.census = devon + "/census-878.csv";
        spec.inputs.rates = devon + "/2025-26.toml";
        spec.baseline = devon + "/2024-25.toml";
        spec.ledgers = {devon + "/maternity-ledger.toml"};
    }
    const float width = 1280, height = 720;
    testing_gui::Driver driver(app::open_live_session(spec), width, height);
    std::mt19937_64 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
    const std::string typing = "0123456789..--+%£,abcZ ";
    const int keys[] = {ImGuiKey_Enter, ImGuiKey_Escape, ImGuiKey_Tab, ImGuiKey_Backspace, ImGuiKey_Delete,
                        ImGuiKey_UpArrow, ImGuiKey_DownArrow, ImGuiKey_PageDown, ImGuiKey_Home, ImGuiKey_Z, ImGuiKey_Y,
                        ImGuiKey_A, testing_gui::Driver::kZoomIn, testing_gui::Driver::kZoomOut, testing_gui::Driver::kPresent};
    ImGuiIO& io = ImGui::GetIO();
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    long checks = 0;
    while (std::chrono::steady_clock::now() < until) {
        // Mostly aim at widgets (where the bugs are), sometimes anywhere.
        const int what = pick(100);
        if (what < 45 && !driver.rects.empty()) {
            auto it = driver.rects.begin();
            std::advance(it, pick(static_cast<int>(driver.rects.size())));
            driver.click_at(it->second.cx(), it->second.cy());
        } else if (what < 60) {
            driver.click_at(static_cast<float>(pick(static_cast<int>(width))), static_cast<float>(pick(static_cast<int>(height))));
        } else if (what < 75) {
            driver.type(std::string(1, typing[static_cast<std::size_t>(pick(static_cast<int>(typing.size())))]));
        } else if (what < 90) {
            const int k = keys[pick(static_cast<int>(std::size(keys)))];
            driver.key(k, pick(3) == 0, pick(5) == 0);
        } else if (what < 96) {
            io.MousePos = ImVec2(static_cast<float>(pick(static_cast<int>(width))), static_cast<float>(pick(static_cast<int>(height))));
            io.MouseWheel = static_cast<float>(pick(9) - 4);
            driver.frame();
        } else {
            // A drag: press, move, release.
            io.MousePos = ImVec2(static_cast<float>(pick(static_cast<int>(width))), static_cast<float>(pick(static_cast<int>(height))));
            driver.frame();
            io.MouseDown[0] = true;
            driver.frame();
            io.MousePos = ImVec2(static_cast<float>(pick(static_cast<int>(width))), static_cast<float>(pick(static_cast<int>(height))));
            driver.frame();
            io.MouseDown[0] = false;
            driver.frame();
        }
        driver.ui.quit = false;  // File → Quit ends a real session; the monkey carries on
        if (driver.frames % 16 == 0) {
            const app::Scenario& s = driver.scenario();
            const calc::Calculation fresh = calc::calculate(s.census(), s.proposal());
            if (s.proposal_totals() != calc::school_totals(fresh, s.census().schools.size()))
                return fail("a school's total differs from the engine's", driver.frames, seed);
            if (s.proposal_result().sum_of_rounded != fresh.sum_of_rounded)
                return fail("the sum of pennies differs from the engine's", driver.frames, seed);
            ++checks;
        }
    }
    std::error_code ignored;
    std::filesystem::current_path("/", ignored);
    std::filesystem::remove_all(dir, ignored);
    std::cout << "gui monkey (" << la << ", seed " << seed << "): " << driver.frames << " frames, " << checks
              << " consistency checks, undo depth " << (driver.scenario().can_undo() ? "> 0" : "0") << ": passed\n";
    return 0;
}
