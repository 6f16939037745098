// Full recompute of every school × service, exact decimal, against the same
// loop written with double in this file as the speed-of-light reference.
#include "calc/deduction.hpp"
#include "calc/eligibility.hpp"
#include "census/synthetic.hpp"
#include "app/embedded.hpp"
#include "rates/schedule_loader.hpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <map>
#include <string>

namespace {

const calc::Schedule& schedule() {
    static const calc::Schedule s = rates::load_schedule(app::embedded_text(app::kDefaultRates), "rates");
    return s;
}

const calc::Census& census_of(std::size_t schools) {
    static std::map<std::size_t, calc::Census> cache;
    auto it = cache.find(schools);
    if (it == cache.end()) it = cache.emplace(schools, census::synthetic_census({schools, 153, 1})).first;
    return it->second;
}

void BM_RecomputeExact(benchmark::State& state) {
    const calc::Census& census = census_of(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        calc::Calculation result = calc::calculate(census, schedule());
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_RecomputeExact)->Arg(40)->Arg(20000)->Unit(benchmark::kMicrosecond);

// The reference: counts and rates converted to double once, outside the loop;
// the same eligibility, the same per-school rounding (to the penny, half away from zero).
void BM_RecomputeDouble(benchmark::State& state) {
    const calc::Census& census = census_of(static_cast<std::size_t>(state.range(0)));
    const calc::Schedule& s = schedule();
    struct Row { std::vector<std::pair<double, double>> rate_count; };
    std::vector<std::vector<Row>> work(s.services.size());  // [service][charged school]
    for (std::size_t v = 0; v < s.services.size(); ++v)
        for (const calc::School& school : census.schools) {
            if (!calc::is_charged(school, s.services[v])) continue;
            Row row;
            for (const auto& [factor, rate] : s.services[v].selected_option().rates)
                if (calc::factor_applies(school, factor))
                    row.rate_count.push_back({std::stod(rate.value.to_string()),
                                              std::stod(calc::count_of(school, factor).to_string())});
            work[v].push_back(row);
        }
    for (auto _ : state) {
        double grand = 0;
        for (const auto& service : work)
            for (const Row& row : service) {
                double exact = 0;
                for (const auto& [rate, count] : row.rate_count) exact += rate * count;
                grand += std::round(exact * 100.0) / 100.0;
            }
        benchmark::DoNotOptimize(grand);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_RecomputeDouble)->Arg(40)->Arg(20000)->Unit(benchmark::kMicrosecond);

}  // namespace
