// How long a full recompute takes: every school × every service, exact decimal.
#include "calc/deduction.hpp"
#include "census/census_loader.hpp"
#include "app/embedded.hpp"
#include "rates/schedule_loader.hpp"

#include <benchmark/benchmark.h>

namespace {

void BM_RecomputeHaveringSample(benchmark::State& state) {
    const calc::Census census = census::load_census(app::embedded_text(app::kDefaultCensus), "sample");
    const calc::Schedule schedule = rates::load_schedule(app::embedded_text(app::kDefaultRates), "rates");
    for (auto _ : state) {
        calc::Calculation result = calc::calculate(census, schedule);
        benchmark::DoNotOptimize(result);
    }
    state.counters["schools"] = static_cast<double>(census.schools.size());
}
BENCHMARK(BM_RecomputeHaveringSample)->Unit(benchmark::kMicrosecond);

void BM_LoadSampleCensus(benchmark::State& state) {
    for (auto _ : state) {
        calc::Census census = census::load_census(app::embedded_text(app::kDefaultCensus), "sample");
        benchmark::DoNotOptimize(census);
    }
}
BENCHMARK(BM_LoadSampleCensus)->Unit(benchmark::kMicrosecond);

}  // namespace
