// Full recompute of every school × service, exact decimal, against the same
// loop written with double in this file as the speed-of-light reference.
#include "calc/deduction.hpp"
#include "calc/effective_rates.hpp"
#include "calc/eligibility.hpp"
#include "census/synthetic.hpp"
#include "app/embedded.hpp"
#include "rates/schedule_loader.hpp"

#include <benchmark/benchmark.h>

#include <array>
#include <cmath>
#include <cstdint>
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

// The reference: the same work as calc::calculate() with double instead of exact
// decimals. Outside the timed loop, only what a loader could do once per census:
// counts and rates to double, each school's exemptions to a bit per service.
// Inside it, for every service and school, the same eligibility as calc::is_charged
// (academy, the service's phases, exemption, mainstream or a special school for an
// education function) and calc::factor_applies, rate × count over the phase's rates,
// rounding to the penny (half away from zero), each charged school's penny amount
// stored (in a reused buffer) and the service's total summed.
struct DoubleSchool {
    calc::Phase phase;
    bool academy;
    std::uint64_t exempt;  // bit v: exempt from service v
    std::array<double, calc::kFactorCount> count;
};
struct DoubleService {
    std::uint32_t phases;  // bit per calc::Phase covered
    bool education_function;
    std::array<std::vector<std::pair<calc::Factor, double>>, calc::kPhaseCount> rates;
};
struct DoubleCharge {
    std::uint32_t school;
    double amount;
};

double to_double(const calc::Decimal& d) { return std::stod(d.to_string()); }

void BM_RecomputeDouble(benchmark::State& state) {
    const calc::Census& census = census_of(static_cast<std::size_t>(state.range(0)));
    const calc::Schedule& s = schedule();
    std::vector<DoubleService> services;
    for (const calc::Service& service : s.services) {
        DoubleService d{0, service.kind == calc::ServiceKind::education_function, {}};
        for (calc::Phase p : service.phases) d.phases |= 1u << calc::index_of(p);
        const calc::RatesByPhase rates = calc::effective_rates(census, service, service.selected_option(), s.rounding);
        for (std::size_t p = 0; p < calc::kPhaseCount; ++p)
            for (const auto& [factor, rate] : rates[p]) d.rates[p].push_back({factor, to_double(rate.value)});
        services.push_back(std::move(d));
    }
    std::vector<DoubleSchool> schools;
    schools.reserve(census.schools.size());
    for (const calc::School& school : census.schools) {
        DoubleSchool d{school.phase, school.governance == calc::Governance::academy, 0, {}};
        for (const std::string& id : school.exempt)
            for (std::size_t v = 0; v < s.services.size(); ++v)
                if (s.services[v].id == id) d.exempt |= std::uint64_t{1} << v;
        for (calc::Factor f : calc::kAllFactors) d.count[calc::index_of(f)] = to_double(calc::count_of(school, f));
        schools.push_back(d);
    }
    std::vector<std::vector<DoubleCharge>> charges(services.size());  // [service][charged school], reused
    for (auto& c : charges) c.reserve(schools.size());
    std::vector<double> totals(services.size());

    for (auto _ : state) {
        for (std::size_t v = 0; v < services.size(); ++v) {
            const DoubleService& service = services[v];
            std::vector<DoubleCharge>& out = charges[v];
            out.clear();
            double total = 0;
            for (std::size_t i = 0; i < schools.size(); ++i) {
                const DoubleSchool& school = schools[i];
                if (school.academy || !(service.phases >> calc::index_of(school.phase) & 1u) ||
                    (school.exempt >> v & 1u))
                    continue;
                const bool special = school.phase == calc::Phase::special;
                if (!calc::is_mainstream(school.phase) && !(special && service.education_function)) continue;
                double exact = 0;
                for (const auto& [factor, rate] : service.rates[calc::index_of(school.phase)]) {
                    const bool applies = factor == calc::Factor::LUMP ||
                                         (special ? factor == calc::Factor::PLACE : factor != calc::Factor::PLACE);
                    if (applies) exact += rate * school.count[calc::index_of(factor)];
                }
                const double pennies = std::round(exact * 100.0) / 100.0;
                out.push_back({static_cast<std::uint32_t>(i), pennies});
                total += pennies;
            }
            totals[v] = total;
        }
        benchmark::DoNotOptimize(charges.data());
        benchmark::DoNotOptimize(totals.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));

    // How often double's penny differs from the exact engine's (not timed).
    const calc::Calculation exact = calc::calculate(census, s);
    std::size_t differ = 0, compared = 0;
    for (std::size_t v = 0; v < services.size(); ++v) {
        const auto& want = exact.services[v].charges;
        if (want.size() != charges[v].size()) state.SkipWithError("double charges other schools than calc::calculate");
        for (std::size_t k = 0; k < want.size() && k < charges[v].size(); ++k, ++compared)
            if (std::llround(charges[v][k].amount * 100.0) != std::llround(to_double(want[k].amount().value) * 100.0))
                ++differ;
    }
    state.counters["charges"] = static_cast<double>(compared);
    state.counters["pennies_differ"] = static_cast<double>(differ);
}
BENCHMARK(BM_RecomputeDouble)->Arg(40)->Arg(20000)->Unit(benchmark::kMicrosecond);

}  // namespace
