// The maternity scheme's Monte Carlo projection: 100,000 scenarios × 5 years.
#include "app/embedded.hpp"
#include "model/claims_simulation.hpp"
#include "rates/ledger_loader.hpp"

#include <benchmark/benchmark.h>

namespace {

struct Setup {
    rates::LedgerFile in = rates::load_ledger(app::embedded_text("model/havering/maternity.toml"), "maternity");
    model::Projection projection;
    std::vector<model::YearClaims> years;
    Setup() {
        in.assumptions.years = 5;
        projection = model::project(in.ledger, in.assumptions);
        years = model::year_claims(projection, in.assumptions, *in.claims);
    }
};

// Simulating the claims only (the Poisson draws and claims × cost).
void BM_SimulateSpend(benchmark::State& state) {
    const Setup s;
    const model::SimulationOptions options{static_cast<int>(state.range(0)), 1};
    for (auto _ : state) {
        Eigen::ArrayXXd spend = model::simulate_spend(s.years, options);
        benchmark::DoNotOptimize(spend.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0) * 5);
}
BENCHMARK(BM_SimulateSpend)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

// The whole projection: deterministic ledger, simulation, percentiles and probabilities.
void BM_FullProjection(benchmark::State& state) {
    const Setup s;
    const model::SimulationOptions options{static_cast<int>(state.range(0)), 1};
    for (auto _ : state) {
        const auto projection = model::project(s.in.ledger, s.in.assumptions);
        const auto years = model::year_claims(projection, s.in.assumptions, *s.in.claims);
        auto outlook = model::summarise(projection, years, model::simulate_spend(years, options));
        benchmark::DoNotOptimize(outlook);
    }
}
BENCHMARK(BM_FullProjection)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
