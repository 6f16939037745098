// CPU time of one GUI frame with a 20,000-school census while a rate changes
// every frame: the edit, the recompute, and drawing every panel with ImGui
// (no window: ImGui builds the draw lists, nothing is sent to a GPU).
#include "census/synthetic.hpp"
#include "app/embedded.hpp"
#include "app/forecast.hpp"
#include "gui/app.hpp"
#include "rates/schedule_loader.hpp"

#include <benchmark/benchmark.h>
#include <imgui.h>

#include <algorithm>
#include <ctime>
#include <vector>

namespace {

double thread_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

void BM_GuiFrameWhileEditing(benchmark::State& state) {
    const auto schools = static_cast<std::size_t>(state.range(0));
    app::Scenario session(census::synthetic_census({schools, 153, 1}),
                         rates::load_schedule(app::embedded_text(app::kDefaultPrevious), "baseline"),
                         rates::load_schedule(app::embedded_text(app::kDefaultRates), "proposal"));
    app::LedgerSpec ledger;
    std::vector<gui::ForecastView> forecasts;
    forecasts.emplace_back(app::load_ledger(ledger));

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 720);
    io.DeltaTime = 1.0f / 60.0f;
    gui::load_fonts();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // what a renderer would upload once
    gui::UiState ui;
    ui.sort_column = app::SchoolColumn::change;  // the worst case: every edit re-sorts all schools
    ui.sort_descending = true;
    gui::apply_style(ui);

    const calc::Decimal rates[] = {calc::Decimal(4108) * calc::Decimal::from_units(1, 2),
                                   calc::Decimal(4109) * calc::Decimal::from_units(1, 2)};
    std::size_t maternity = 0;
    for (std::size_t s = 0; s < session.proposal().services.size(); ++s)
        if (session.proposal().services[s].id == "maternity") maternity = s;

    std::vector<double> frame_ms;
    std::size_t n = 0;
    for (auto _ : state) {
        const double start = thread_cpu_ms();
        session.set_rate(maternity, calc::Factor::AWPU, rates[n++ % 2]);
        ImGui::NewFrame();
        gui::draw_app(session, ui, forecasts);
        ImGui::Render();
        gui::end_frame(session, ui);
        benchmark::DoNotOptimize(ImGui::GetDrawData());
        frame_ms.push_back(thread_cpu_ms() - start);
    }
    ImGui::DestroyContext();
    std::sort(frame_ms.begin(), frame_ms.end());
    state.counters["median_ms"] = frame_ms[frame_ms.size() / 2];
    state.counters["p95_ms"] = frame_ms[std::min(frame_ms.size() - 1, frame_ms.size() * 95 / 100)];
}
BENCHMARK(BM_GuiFrameWhileEditing)->Arg(81)->Arg(20000)->Unit(benchmark::kMillisecond)->MinTime(3.0);

}  // namespace
