// Invariants over many generated censuses and schedules.
#include "calc/compare.hpp"
#include "calc/deduction.hpp"
#include "calc/number_text.hpp"
#include "calc/per_school.hpp"
#include "census/census_loader.hpp"
#include "census/csv_rows.hpp"
#include "census/synthetic.hpp"
#include "report/census_csv.hpp"
#include "report/per_school_csv.hpp"

#include <gtest/gtest.h>

#include <random>
#include <sstream>

namespace {

using calc::Decimal;

// A random schedule: every factor some service charges, rates of 0-4 places,
// random phases and rounding mode. Deterministic for a seed.
calc::Schedule random_schedule(std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    auto pick = [&](std::uint64_t n) { return rng() % n; };
    calc::Schedule s;
    s.authority = "Test";
    s.year = "2025-26";
    s.rounding.mode = calc::kAllRoundingModes[pick(calc::kAllRoundingModes.size())];
    const calc::Phase mainstream[] = {calc::Phase::primary, calc::Phase::secondary, calc::Phase::all_through};
    for (int i = 0; i < 6; ++i) {
        calc::Service svc;
        svc.id = "s" + std::to_string(i);
        svc.name = svc.id;
        svc.kind = pick(2) ? calc::ServiceKind::education_function : calc::ServiceKind::de_delegated;
        for (calc::Phase p : mainstream)
            if (pick(3)) svc.phases.push_back(p);
        if (svc.kind == calc::ServiceKind::education_function && pick(2)) svc.phases.push_back(calc::Phase::special);
        calc::RateOption option;
        option.id = "proposed";
        for (calc::Factor f : calc::kAllFactors) {
            if (pick(4) != 0) continue;
            if (f == calc::Factor::PLACE && !svc.covers(calc::Phase::special)) continue;
            const int places = static_cast<int>(pick(5));
            option.rates.push_back({f, calc::Rate{Decimal::from_units(static_cast<long long>(pick(5'000'000)), places)}});
        }
        if (option.rates.empty()) option.rates.push_back({calc::Factor::AWPU, calc::Rate{Decimal(3)}});
        svc.options.push_back(option);
        s.services.push_back(svc);
    }
    return s;
}

struct Case {
    calc::Census census;
    calc::Schedule schedule;
};

std::vector<Case> cases() {
    std::vector<Case> out;
    for (std::uint64_t seed = 1; seed <= 12; ++seed)
        out.push_back({census::synthetic_census({300 + 50 * seed, 5, seed}), random_schedule(seed * 7919)});
    return out;
}

TEST(Properties, PennyAmountsStayWithinHalfAPennyASchoolOfTheExactTotal) {
    for (const Case& c : cases()) {
        const calc::Calculation r = calc::calculate(c.census, c.schedule);
        for (const calc::ServiceResult& s : r.services) {
            const Decimal gap = s.rounding_difference().value;
            const Decimal limit = Decimal::from_units(5, 3) * Decimal(static_cast<long long>(s.charges.size()));
            // Directed modes can move every school the same way by up to a penny.
            const Decimal bound = (c.schedule.rounding.mode == calc::RoundingMode::half_up ||
                                   c.schedule.rounding.mode == calc::RoundingMode::half_even ||
                                   c.schedule.rounding.mode == calc::RoundingMode::half_down)
                                      ? limit
                                      : limit * Decimal(2);
            EXPECT_LE(gap > Decimal(0) ? gap : -gap, bound);
        }
    }
}

TEST(Properties, WideAndLongLayoutsAgree) {
    for (const Case& c : cases()) {
        const calc::Calculation r = calc::calculate(c.census, c.schedule);
        std::ostringstream wide, long_layout;
        report::write_wide_csv(wide, c.census, c.schedule, r);
        report::write_long_csv(long_layout, c.census, c.schedule, r);
        Decimal wide_total, long_total;
        const auto wide_rows = census::read_csv_rows(wide.str(), "wide");
        wide_total = calc::parse_number(wide_rows.back().fields.back()).value;
        for (const auto& row : census::read_csv_rows(long_layout.str(), "long"))
            if (row.fields[3] == "ROUNDED") long_total += calc::parse_number(row.fields[6]).value;
        EXPECT_EQ(wide_total, long_total);
        EXPECT_EQ(wide_total, r.sum_of_rounded.value);
    }
}

TEST(Properties, ComparingAScheduleWithItselfIsAllZeros) {
    for (const Case& c : cases()) {
        const calc::Calculation r = calc::calculate(c.census, c.schedule);
        const calc::Comparison cmp = calc::compare(c.census, c.schedule, r, c.schedule, r);
        for (const auto& row : cmp.schools) EXPECT_TRUE(row.change.value.is_zero());
    }
}

TEST(Properties, ScalingEveryRateByKScalesExactTotalsByK) {
    for (const Case& c : cases()) {
        for (const char* k_text : {"3", "0.5", "1.0001"}) {
            const Decimal k = calc::parse_number(k_text).value;
            calc::Schedule scaled = c.schedule;
            for (auto& svc : scaled.services)
                for (auto& [factor, rate] : svc.options[0].rates) rate.value = rate.value * k;
            const calc::Calculation a = calc::calculate(c.census, c.schedule);
            const calc::Calculation b = calc::calculate(c.census, scaled);
            for (std::size_t s = 0; s < a.services.size(); ++s)
                EXPECT_EQ(b.services[s].exact_total.value, a.services[s].exact_total.value * k);
        }
    }
}

TEST(Properties, ACensusWrittenAndReadBackGivesTheSameTotals) {
    for (const Case& c : cases()) {
        std::ostringstream csv;
        report::write_census_csv(csv, c.census);
        const calc::Census again = census::load_census(csv.str(), "written.csv");
        ASSERT_EQ(again.schools.size(), c.census.schools.size());
        const calc::Calculation a = calc::calculate(c.census, c.schedule);
        const calc::Calculation b = calc::calculate(again, c.schedule);
        EXPECT_EQ(a.exact_total, b.exact_total);
        EXPECT_EQ(a.sum_of_rounded, b.sum_of_rounded);
    }
}

TEST(Properties, SyntheticCensusIsTheSameForASeed) {
    std::ostringstream a, b, c;
    report::write_census_csv(a, census::synthetic_census({500, 10, 3}));
    report::write_census_csv(b, census::synthetic_census({500, 10, 3}));
    report::write_census_csv(c, census::synthetic_census({500, 10, 4}));
    EXPECT_EQ(a.str(), b.str());
    EXPECT_NE(a.str(), c.str());
}

}  // namespace
