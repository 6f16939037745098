// The engine on small censuses whose answers are worked out by hand.
#include "calc/compare.hpp"
#include "calc/deduction.hpp"
#include "calc/number_text.hpp"
#include "calc/per_school.hpp"
#include "calc/range.hpp"
#include "calc/tables.hpp"

#include <gtest/gtest.h>

namespace {

using calc::Factor;

calc::Decimal d(const char* text) { return calc::parse_number(text).value; }

calc::School school(const char* urn, calc::Phase phase, calc::Governance g, long long nor) {
    calc::School s;
    s.urn = urn;
    s.name = std::string("School ") + urn;
    s.phase = phase;
    s.governance = g;
    s.nor = static_cast<std::int32_t>(nor);
    return s;
}

calc::Service service(const char* id, calc::ServiceKind kind, std::vector<calc::Phase> phases,
                      std::vector<std::pair<Factor, const char*>> rates) {
    calc::Service s;
    s.id = id;
    s.name = id;
    s.kind = kind;
    s.phases = std::move(phases);
    calc::RateOption option;
    option.id = "proposed";
    for (auto& [f, r] : rates) option.rates.push_back({f, calc::Rate{d(r)}});
    s.options.push_back(option);
    return s;
}

class Engine : public ::testing::Test {
protected:
    void SetUp() override {
        using calc::Governance;
        using calc::Phase;
        auto a = school("1", Phase::primary, Governance::maintained, 200);
        a.census[calc::index_of(Factor::FSM)] = d("30.5");
        a.census[calc::index_of(Factor::EAL3)] = d("13.6055");
        auto b = school("2", Phase::primary, Governance::academy, 300);  // never charged
        b.census[calc::index_of(Factor::FSM)] = d("40");
        auto c = school("3", Phase::secondary, Governance::maintained, 1000);
        c.census[calc::index_of(Factor::FSM)] = d("101");
        auto sp = school("4", Phase::special, Governance::maintained, 150);
        sp.set_places(d("156.5"));
        auto ex = school("5", Phase::primary, Governance::maintained, 186);
        ex.exempt = {"insurance"};
        census.schools = {a, b, c, sp, ex};

        schedule.rounding.mode = calc::RoundingMode::half_up;
        schedule.services = {
            service("insurance", calc::ServiceKind::de_delegated, {Phase::primary}, {{Factor::AWPU, "21.00"}}),
            service("fsm", calc::ServiceKind::de_delegated, {Phase::primary, Phase::secondary},
                    {{Factor::FSM, "9.50"}}),
            service("eal", calc::ServiceKind::de_delegated, {Phase::primary}, {{Factor::EAL3, "38"}}),
            service("school-improvement", calc::ServiceKind::education_function, {Phase::primary, Phase::special},
                    {{Factor::AWPU, "3.38"}, {Factor::PLACE, "10.14"}}),
        };
    }
    calc::Census census;
    calc::Schedule schedule;
};

TEST_F(Engine, AcademiesAndExemptSchoolsAreNeverCharged) {
    const auto r = calc::calculate_service(census, schedule, 0, 0);
    ASSERT_EQ(r.charges.size(), 1u);  // school 1 only: 2 is an academy, 3 secondary, 4 special, 5 exempt
    EXPECT_EQ(r.charges[0].school, 0u);
    EXPECT_EQ(r.charges[0].amount().value.to_string(), "4200.00");
}

TEST_F(Engine, PhasesAreChargedAsAgreed) {
    const auto r = calc::calculate_service(census, schedule, 1, 0);
    ASSERT_EQ(r.charges.size(), 3u);  // 1, 3 and 5 (FSM 0)
    EXPECT_EQ(r.charges[0].amount().value.to_string(), "289.75");   // 9.50 × 30.5
    EXPECT_EQ(r.charges[1].amount().value.to_string(), "959.50");   // 9.50 × 101
    EXPECT_EQ(r.charges[2].amount().value.to_string(), "0.00");
}

TEST_F(Engine, RoundsOncePerSchoolAndKeepsTheExactTotal) {
    const auto r = calc::calculate_service(census, schedule, 2, 0);
    // 38 × 13.6055 = 517.009 -> £517.01 at the penny; the exact total keeps 517.009.
    const auto factors = calc::breakdown(census.schools[0], schedule.services[2], schedule.services[2].options[0]);
    ASSERT_EQ(factors.size(), 1u);
    EXPECT_EQ(factors[0].amount.value.to_string(), "517.0090");
    EXPECT_EQ(r.charges[0].amount().value.to_string(), "517.01");
    EXPECT_EQ(r.exact_total.value, d("517.009"));
    EXPECT_EQ(r.rounding_difference().value, d("0.001"));
}

TEST_F(Engine, EducationFunctionsChargeSpecialSchoolsPerPlaceOnly) {
    const auto r = calc::calculate_service(census, schedule, 3, 0);
    ASSERT_EQ(r.charges.size(), 3u);  // 1, 4 (special) and 5
    EXPECT_EQ(r.charges[1].school, 3u);
    const auto factors = calc::breakdown(census.schools[3], schedule.services[3], schedule.services[3].options[0]);
    ASSERT_EQ(factors.size(), 1u);
    EXPECT_EQ(factors[0].factor, Factor::PLACE);
    EXPECT_EQ(factors[0].count.value, d("156.5"));
    EXPECT_EQ(factors[0].amount.value.round(2, calc::RoundingMode::half_up), r.charges[1].amount().value);
    EXPECT_TRUE(calc::breakdown(census.schools[1], schedule.services[3], schedule.services[3].options[0]).empty());  // academy
    EXPECT_EQ(r.charges[1].amount().value.to_string(), "1586.91");  // 10.14 × 156.5
    EXPECT_EQ(r.by_factor[calc::index_of(Factor::AWPU)].value, d("1304.68"));  // 3.38 × 386
    EXPECT_EQ(r.by_factor[calc::index_of(Factor::PLACE)].value, d("1586.91"));
}

TEST_F(Engine, DeDelegationIsNeverTakenFromSpecialSchools) {
    schedule.services[0].phases.push_back(calc::Phase::special);
    const auto r = calc::calculate_service(census, schedule, 0, 0);
    for (const auto& c : r.charges) EXPECT_NE(census.schools[c.school].phase, calc::Phase::special);
}

TEST_F(Engine, RoundingModeComesFromTheSchedule) {
    schedule.rounding.mode = calc::RoundingMode::down;
    EXPECT_EQ(calc::calculate_service(census, schedule, 2, 0).charges[0].amount().value.to_string(), "517.00");
    schedule.rounding.mode = calc::RoundingMode::up;
    EXPECT_EQ(calc::calculate_service(census, schedule, 2, 0).charges[0].amount().value.to_string(), "517.01");
}

TEST_F(Engine, PerSchoolRowsAddUpToTheServiceTotals) {
    const auto calc_all = calc::calculate(census, schedule);
    const auto rows = calc::per_school_rows(calc_all, census.schools.size());
    ASSERT_EQ(rows.size(), 4u);  // the academy has no row
    calc::Money sum{calc::Decimal(0)};
    for (const auto& row : rows) sum += row.total;
    EXPECT_EQ(sum, calc_all.sum_of_rounded);
    EXPECT_EQ(rows[0].by_service[0]->value.to_string(), "4200.00");
    EXPECT_FALSE(rows[1].by_service[0].has_value());  // secondary pays no primary insurance
}

TEST_F(Engine, RangeTakesTheMedianOfTheMiddleTwo) {
    const auto r = calc::calculate_service(census, schedule, 1, 0);  // 289.75, 959.50, 0.00
    const auto range = calc::range_of(r);
    ASSERT_TRUE(range);
    EXPECT_EQ(range->lowest.to_string(), "0");
    EXPECT_EQ(range->median.to_string(), "290");
    EXPECT_EQ(range->highest.to_string(), "960");
    auto even = r;
    even.charges.pop_back();  // 289.75 and 959.50 -> median 624.625 -> £625
    EXPECT_EQ(calc::range_of(even)->median.to_string(), "625");
}

TEST_F(Engine, TablesPresentTotalsAtTheirPrecision) {
    schedule.services[0].options[0].present_to = 1000;
    const auto tables = calc::build_tables(census, schedule, nullptr);
    ASSERT_EQ(tables.size(), 4u);
    EXPECT_EQ(tables[0].presented_total.to_string(), "4000");
    EXPECT_EQ(tables[0].exact_total.value, d("4200"));
    EXPECT_EQ(tables[3].columns[1].phase_label, "Special");
    EXPECT_EQ(tables[3].columns[0].phase_label, "Primary");
}

// A phase the service did not charge last year shows no previous rate (the
// Devon trial saw last year's primary rate printed beside secondary).
TEST_F(Engine, APhaseNewThisYearHasNoPreviousRate) {
    using calc::Phase;
    auto now = schedule;
    now.services[0].phases = {Phase::primary, Phase::secondary};
    auto before = schedule;
    before.services[0].phases = {Phase::primary};
    const auto tables = calc::build_tables(census, now, &before);
    int primary = 0, secondary = 0;
    for (const calc::FactorColumn& c : tables[0].columns) {
        if (c.phase == Phase::primary) {
            ++primary;
            EXPECT_TRUE(c.previous.has_value());
        }
        if (c.phase == Phase::secondary) {
            ++secondary;
            EXPECT_FALSE(c.previous.has_value());
        }
    }
    EXPECT_GT(primary, 0);
    EXPECT_GT(secondary, 0);
}

TEST_F(Engine, ComparingAScheduleWithItselfIsAllZeros) {
    const auto a = calc::calculate(census, schedule);
    const auto cmp = calc::compare(census, schedule, a, schedule, a);
    for (const auto& row : cmp.schools) EXPECT_TRUE(row.change.value.is_zero());
    EXPECT_EQ(cmp.from_total, cmp.to_total);
}

TEST_F(Engine, ComparingShowsEachSchoolsChange) {
    const auto before = calc::calculate(census, schedule);
    auto raised = schedule;
    raised.services[0].options[0].rates[0].second = calc::Rate{d("25.00")};
    const auto after = calc::calculate(census, raised);
    const auto cmp = calc::compare(census, schedule, before, raised, after);
    EXPECT_EQ(cmp.schools[0].change.value.to_string(), "800.00");  // 4 × 200 pupils
    EXPECT_EQ(cmp.schools[0].change_by_service[0].value.to_string(), "800.00");
    // 800 / (4200 + 289.75 + 517.01 + 676.00) = 14.08%
    EXPECT_EQ(cmp.schools[0].percent->to_string(), "14.1");
}

}  // namespace

namespace {

// Two half-pennies: the rounding point decides whether the school pays 1p or 2p.
TEST(RoundingPoint, PerFactorRoundsEachAmountPerServiceRoundsTheSum) {
    calc::Census census;
    auto s = school("1", calc::Phase::primary, calc::Governance::maintained, 10);
    s.census[calc::index_of(Factor::FSM)] = d("0.5");
    s.census[calc::index_of(Factor::EAL3)] = d("0.5");
    census.schools = {s};
    calc::Schedule schedule;
    schedule.services = {service("eal", calc::ServiceKind::de_delegated, {calc::Phase::primary},
                                 {{Factor::FSM, "0.01"}, {Factor::EAL3, "0.01"}})};
    EXPECT_EQ(calc::calculate(census, schedule).sum_of_rounded.value.to_string(), "0.01");
    schedule.rounding.point = calc::RoundingPoint::per_school_per_factor;
    const calc::Calculation per_factor = calc::calculate(census, schedule);
    EXPECT_EQ(per_factor.sum_of_rounded.value.to_string(), "0.02");
    EXPECT_EQ(per_factor.exact_total.value.to_string(), "0.010");
    // The factors shown are the same under either point: the policy only decides the pennies.
    const auto parts = calc::breakdown(census.schools[0], schedule.services[0], schedule.services[0].options[0]);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0].amount.value.to_string(), "0.005");
    EXPECT_EQ(calc::rounded_words(schedule.rounding), "rounded half_up to the penny, factor by factor");
    EXPECT_EQ(calc::charge_sentence(schedule.rounding),
              "Each school's charge for a service is the sum of rate × count over its factors, each rounded half_up to "
              "the penny.");
    EXPECT_EQ(calc::charge_sentence(calc::RoundingPolicy{}),
              "Each school's charge for a service is the exact sum of rate × count over its factors, rounded once, "
              "half_up, to the penny.");
}

}  // namespace
