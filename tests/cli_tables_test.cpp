// Golden test: `dedeleg tables` on the embedded default shows every figure
// published in sections 4.1-4.8 of Havering's 2025-26 consultation.
#include "cli_run.hpp"

#include <gtest/gtest.h>

namespace {

using testing_cli::dedeleg;

class TablesDefault : public ::testing::Test {
protected:
    static void SetUpTestSuite() { run = new testing_cli::Run(dedeleg("tables")); }
    static void TearDownTestSuite() { delete run; }
    static testing_cli::Run* run;

    // The table block of one service (from its heading to the next).
    static std::string section(const std::string& heading) {
        const std::size_t from = run->out.find("### " + heading);
        EXPECT_NE(from, std::string::npos) << heading;
        const std::size_t to = run->out.find("\n### ", from + 1);
        return run->out.substr(from, to == std::string::npos ? std::string::npos : to - from);
    }
};
testing_cli::Run* TablesDefault::run = nullptr;

#define EXPECT_SHOWS(text, figure) EXPECT_NE((text).find(figure), std::string::npos) << "missing: " << (figure)

TEST_F(TablesDefault, RunsCleanly) {
    EXPECT_EQ(run->exit_code, 0) << run->err;
    EXPECT_EQ(run->err, "");
}

TEST_F(TablesDefault, Insurance_4_1) {
    const std::string t = section("Insurance");
    EXPECT_SHOWS(t, "| Amount | £21.00 |");
    EXPECT_SHOWS(t, "| Total | £363,000 |");
    EXPECT_SHOWS(t, "| Exact total | £362,880.00 |");  // 17,280 pupils
}

TEST_F(TablesDefault, FreeSchoolMeals_4_2) {
    const std::string t = section("Free school meals eligibility checking");
    EXPECT_SHOWS(t, "| Formula factor | FSM eligible pupils |");
    EXPECT_SHOWS(t, "| Amount | £9.50 |");
    EXPECT_SHOWS(t, "| Total | £30,352 |");
}

TEST_F(TablesDefault, Maternity_4_3) {
    const std::string t = section("Maternity leave insurance");
    EXPECT_SHOWS(t, "| Amount | £40.49 |");
    EXPECT_SHOWS(t, "| Total | £707,198 |");
    EXPECT_SHOWS(t, "| Exact total | £707,198.34 |");  // 17,466 pupils
    EXPECT_SHOWS(t, "| 2024-25 rate | £36.96 |");
    EXPECT_SHOWS(t, "| 2024-25 total (this census) | £645,543 |");
}

TEST_F(TablesDefault, Eal_4_4) {
    const std::string t = section("English as an Additional Language");
    EXPECT_SHOWS(t, "| Formula factor | EAL 3 |");
    EXPECT_SHOWS(t, "| Amount | £38.00 |");
    EXPECT_SHOWS(t, "| Total | £114,538 |");
    EXPECT_SHOWS(t, "Per school (39 charged): lowest £517, median £2,644, highest £6,070.");
}

TEST_F(TablesDefault, BehaviourSupport_4_5) {
    const std::string t = section("Behaviour support service");
    EXPECT_SHOWS(t, "| Formula factor | AWPU | FSM Ever 6 | IDACI E | IDACI D | IDACI C | IDACI B | IDACI A | Low attainment |");
    EXPECT_SHOWS(t, "| Amount | £5.00 | £2.00 | £14.08 | £22.08 | £12.05 | £7.71 | £10.07 | £5.00 |");
    EXPECT_SHOWS(t, "| Total | £87,330 | £6,452 | £31,590 | £29,975 | £6,618 | £4,365 | £1,189 | £27,965 | **£195,483** |");
    // The paper's total is one pound less than its rounded components: shown, not hidden.
    EXPECT_SHOWS(t, "The factor totals, each rounded, add to £195,484; the exact total £195,483.");
    EXPECT_SHOWS(t, "rounds to £195,483.");
}

TEST_F(TablesDefault, TradeUnion_4_6_BothOptions) {
    const std::string unchanged = section("Trade union facility time — option \"Price unchanged\"");
    EXPECT_SHOWS(unchanged, "| Amount | £2.80 |");
    EXPECT_SHOWS(unchanged, "| Total | £48,905 |");
    EXPECT_SHOWS(unchanged, "charged by `calc`");
    const std::string rise = section("Trade union facility time — option \"Increased by 5.5%");
    EXPECT_SHOWS(rise, "| Amount | £2.96 |");
    EXPECT_SHOWS(rise, "| Total | £51,700 |");
    EXPECT_SHOWS(rise, "AWPU rate, checked against its rule: £2.80 × (1 + 5.5%) = £2.954 → £2.96 (rounded up).");
}

TEST_F(TablesDefault, StatutoryDuties_4_7) {
    const std::string t = section("Statutory and regulatory duties");
    EXPECT_SHOWS(t, "| Formula factor | AWPU | Place |");
    EXPECT_SHOWS(t, "| 2024-25 rate | £19.31 | £45.00 |");
    EXPECT_SHOWS(t, "| 2024-25 total (this census) | £334,000 | £7,000 |");
    // The derived 2025-26 rate meets the paper's minimum of £341,000.
    EXPECT_SHOWS(t, "| Amount | £19.33 | £45.00 |");
    EXPECT_SHOWS(t, "| Exact total | £334,022.40 | £7,042.50 | £341,064.90 |");
}

TEST_F(TablesDefault, SchoolImprovement_4_8) {
    const std::string t = section("Core school improvement activities");
    EXPECT_SHOWS(t, "| Amount | £3.38 | £10.14 |");
    EXPECT_SHOWS(t, "| Total | £58,406 | £1,587 |");
    EXPECT_SHOWS(t, "| 2024-25 rate | £5.11 | £15.33 |");
    EXPECT_SHOWS(t, "AWPU rate, checked against its rule: £58,300.80 ÷ 17,280 = £3.3738… → £3.38 (rounded up).");
    EXPECT_SHOWS(t, "Place rate, checked against its rule: 3 × £3.38 (the AWPU rate) = £10.14.");
}

TEST_F(TablesDefault, SummaryReconcilesPenniesWithTheExactTotal) {
    EXPECT_SHOWS(run->out, "## Summary of all services");
    EXPECT_SHOWS(run->out, "Reconciliation: schools are charged £1,860,414.85 in all; the exact total is £1,860,414.8544600751");
}

TEST(Tables, JsonKeepsAmountsAsExactStrings) {
    const auto r = dedeleg("tables --format json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_SHOWS(r.out, "\"exact_total\": \"707198.34\"");
    EXPECT_SHOWS(r.out, "\"presented_total\": \"195483\"");
    EXPECT_SHOWS(r.out, "\"sum_of_presented_services\": \"1860469\"");
    EXPECT_SHOWS(r.out, "\"lowest\": \"8629\"");
}

TEST(Tables, CsvHasARowPerFactorAndATotal) {
    const auto r = dedeleg("tables --format csv");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_SHOWS(r.out, "maternity,Maternity leave insurance,proposed,Proposed,yes,Primary,AWPU,40.49,36.96,707198.34,707198,1,,,,,,\n");
    // A service's total with its per-school range (lowest, median, highest).
    EXPECT_SHOWS(r.out, "insurance,Insurance,proposed,Proposed,yes,,TOTAL,,,362880.00,363000,1000,38,362880.00,3444,8841,17199,\n");
    // Per-phase totals where a service charges more than one phase.
    EXPECT_SHOWS(r.out, "statutory-duties,Statutory and regulatory duties,proposed,Proposed,yes,Special,TOTAL,,,7042.500,7000,1000,1,7042.50,,,,\n");
    // The all-services summary, with a note where the presented rows do not add to its total.
    EXPECT_SHOWS(r.out, "ALL,All services,,,yes,,TOTAL,,,1860414.8544600751,1860415,1,40,1860414.85,8629,43691,87496,\"The services' "
                        "totals, each as presented, add to £1,860,469; the exact total over every service £1,860,414.8544600751 "
                        "rounds to £1,860,415.\"\n");
}

TEST(Tables, OptionSwitchesWhatIsCharged) {
    const auto r = dedeleg("tables --option trade-union=pay-rise");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_SHOWS(r.out, "| Trade union facility time | de-delegated | Increased by 5.5% in line with teachers' pay | 39 | £51,700 |");
}

}  // namespace
