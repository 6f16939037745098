// Issue 21, the year round: in-year conversions (calc/conversions) and the APT
// tie-out (calc/apt), worked by hand on a three-school census, with their loaders.
#include "calc/apt.hpp"
#include "calc/conversions.hpp"
#include "calc/financial_year.hpp"
#include "calc/number_text.hpp"
#include "census/budgets_loader.hpp"
#include "census/census_loader.hpp"
#include "census/conversions_loader.hpp"
#include "rates/schedule_loader.hpp"

#include <gtest/gtest.h>

namespace {

using calc::ConversionPolicy;

// Pounds and pence, exactly ("1210.00" -> £1,210.00 at scale 2).
calc::Money m(const char* pounds) { return calc::Money{calc::parse_number(pounds).value.with_scale(2)}; }

// Four schools: A (100 pupils) and B (3 pupils) maintained primaries, C an
// academy, D a maintained special school of 20 places.
// maternity £36.50 a pupil, insurance £20.00, statutory duties (an education function) £19.33.
const char* kCensus =
    "URN,LAESTAB,School,Phase,Governance,NOR,Places\n"
    "100001,9992001,School A,primary,maintained,100,\n"
    "100002,9992002,School B,primary,maintained,3,\n"
    "100003,9992003,Academy C,primary,academy,50,\n"
    "100004,9997001,Special D,special,maintained,20,20\n";

std::string schedule_text(const std::string& year) {
    return "[schedule]\nauthority = \"Test\"\nyear = \"" + year + "\"\ncensus = \"test\"\nrounding = \"half_up\"\n\n"
           "[[service]]\nid = \"maternity\"\nname = \"Maternity\"\nkind = \"de-delegated\"\nphases = [\"primary\"]\n"
           "rates = { AWPU = \"36.50\" }\n\n"
           "[[service]]\nid = \"insurance\"\nname = \"Insurance\"\nkind = \"de-delegated\"\nphases = [\"primary\"]\n"
           "rates = { AWPU = \"20.00\" }\n\n"
           "[[service]]\nid = \"statutory\"\nname = \"Statutory duties\"\nkind = \"education-function\"\n"
           "phases = [\"primary\", \"special\"]\nrates = { AWPU = \"19.33\", PLACE = \"45.00\" }\n";
}

struct World {
    calc::Census census = census::load_census(kCensus, "t.csv");
    calc::Schedule schedule;
    calc::Calculation calculation;
    calc::FinancialYear year;
    std::vector<bool> charged;
    explicit World(const std::string& label = "2025-26")
        : schedule(rates::load_schedule(schedule_text(label), "t.toml")),
          calculation(calc::calculate(census, schedule)),
          year(*calc::financial_year_from_label(label)),
          charged(calc::charged_de_delegation(calculation, schedule, census.schools.size())) {}

    calc::ConversionsResult convert(const std::string& csv, ConversionPolicy policy) const {
        return calc::convert_in_year(census, schedule, calculation, census::load_conversions(csv, "c.csv", census, charged, year),
                                     policy, year);
    }
};

const calc::ConversionShare& share(const calc::SchoolConversion& s, const std::string& id, const calc::Schedule& schedule) {
    for (const auto& x : s.services)
        if (schedule.services[x.service].id == id) return x;
    throw std::runtime_error("no share for " + id);
}

std::string problems_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const calc::InputError& e) {
        std::string all;
        for (const auto& d : e.diagnostics) all += d.to_string() + "\n";
        return all;
    }
    return "(no error)";
}

TEST(FinancialYear, DaysAndCalendar) {
    EXPECT_EQ(calc::financial_year_from_label("2025-26")->days(), 365);
    EXPECT_EQ(calc::financial_year_from_label("2027-28")->days(), 366);  // 29 February 2028
    EXPECT_FALSE(calc::financial_year_from_label("2025-27"));
    EXPECT_FALSE(calc::financial_year_from_label("2025/26"));
    EXPECT_FALSE(calc::parse_iso_day("2025-02-29"));
    EXPECT_TRUE(calc::parse_iso_day("2028-02-29"));
    EXPECT_FALSE(calc::parse_iso_day("2025-04-31"));
    EXPECT_FALSE(calc::parse_iso_day("2025-13-01"));
    EXPECT_FALSE(calc::parse_iso_day("2025-4-1"));
    EXPECT_EQ(calc::day_number(*calc::parse_iso_day("2025-09-01")) - calc::day_number(*calc::parse_iso_day("2025-04-01")),
              calc::kAprilToAugustDays);
}

// Worked by hand. 2025-26 has 365 days. A is charged maternity 100 × £36.50 =
// £3,650.00 (£10.00 a day) and insurance 100 × £20.00 = £2,000.00.
//  1 December 2025: maintained 1 April-30 November = 244 days; an academy
//    1 December-31 March = 31 + 31 + 28 + 31 = 121 days, all from 1 September.
//    refund: maternity 3650 × 121 / 365 = £1,210.00 exactly; insurance
//    2000 × 121 / 365 = 663.0136... -> £663.01; kept £2,440.00 and £1,336.99.
TEST(Conversions, FirstOfDecemberBothPolicies) {
    const World w;
    for (const ConversionPolicy policy : {ConversionPolicy::refund, ConversionPolicy::kept}) {
        const auto r = w.convert("URN,Date\n100001,2025-12-01\n", policy);
        ASSERT_EQ(r.schools.size(), 1u);
        const auto& s = r.schools[0];
        EXPECT_EQ(s.days_maintained, 244);
        EXPECT_EQ(s.days_academy, 121);
        EXPECT_EQ(s.days_open_from_september, 121);
        const auto& mat = share(s, "maternity", w.schedule);
        const auto& ins = share(s, "insurance", w.schedule);
        EXPECT_EQ(mat.charge, m("3650.00"));
        EXPECT_EQ(ins.charge, m("2000.00"));
        if (policy == ConversionPolicy::refund) {
            EXPECT_EQ(mat.refund, m("1210.00"));
            EXPECT_EQ(ins.refund, m("663.01"));
            EXPECT_EQ(mat.kept, m("2440.00"));
            EXPECT_EQ(ins.kept, m("1336.99"));
            EXPECT_EQ(s.refund, m("1873.01"));
        } else {
            EXPECT_EQ(mat.refund, m("0.00"));
            EXPECT_EQ(s.kept, m("5650.00"));  // the LA keeps the whole year
            // ESFA share: 121 days from 1 September, not 121 - 153 = -32.
            EXPECT_EQ(mat.academy_share, m("1210.00"));
            EXPECT_EQ(ins.academy_share, m("663.01"));
        }
    }
}

//  1 April 2025: an academy all year (365 days, 0 maintained). refund: the
//    whole charge. ESFA share: (365 - 153) / 365 = 212 days: maternity
//    £2,120.00; insurance 2000 × 212 / 365 = 1161.6438... -> £1,161.64.
TEST(Conversions, FirstOfAprilBothPolicies) {
    const World w;
    const auto refund = w.convert("URN,Date\n100001,2025-04-01\n", ConversionPolicy::refund);
    const auto& s = refund.schools[0];
    EXPECT_EQ(s.days_maintained, 0);
    EXPECT_EQ(s.days_academy, 365);
    EXPECT_EQ(s.days_open_from_september, 212);
    EXPECT_EQ(share(s, "maternity", w.schedule).refund, m("3650.00"));
    EXPECT_EQ(share(s, "insurance", w.schedule).refund, m("2000.00"));
    EXPECT_EQ(s.kept, m("0.00"));
    const auto kept = w.convert("URN,Date\n100001,2025-04-01\n", ConversionPolicy::kept);
    EXPECT_EQ(share(kept.schools[0], "maternity", w.schedule).academy_share, m("2120.00"));
    EXPECT_EQ(share(kept.schools[0], "insurance", w.schedule).academy_share, m("1161.64"));
    EXPECT_EQ(kept.schools[0].kept, m("5650.00"));
}

//  31 August 2025: maintained 1 April-30 August = 152 days; an academy 213
//    days, 212 of them from 1 September (not 213 - 153 = 60). refund:
//    maternity £2,130.00; insurance 2000 × 213 / 365 = 1167.1232... -> £1,167.12.
//    ESFA share: £2,120.00 and £1,161.64 as for 1 April.
TEST(Conversions, ThirtyFirstOfAugustBothPolicies) {
    const World w;
    const auto refund = w.convert("URN,Date\n100001,2025-08-31\n", ConversionPolicy::refund);
    const auto& s = refund.schools[0];
    EXPECT_EQ(s.days_maintained, 152);
    EXPECT_EQ(s.days_academy, 213);
    EXPECT_EQ(s.days_open_from_september, 212);
    EXPECT_EQ(share(s, "maternity", w.schedule).refund, m("2130.00"));
    EXPECT_EQ(share(s, "insurance", w.schedule).refund, m("1167.12"));
    EXPECT_EQ(share(s, "insurance", w.schedule).kept, m("832.88"));
    const auto kept = w.convert("URN,Date\n100001,2025-08-31\n", ConversionPolicy::kept);
    EXPECT_EQ(share(kept.schools[0], "maternity", w.schedule).academy_share, m("2120.00"));
    EXPECT_EQ(share(kept.schools[0], "insurance", w.schedule).academy_share, m("1161.64"));
    EXPECT_EQ(share(kept.schools[0], "insurance", w.schedule).refund, m("0.00"));
}

// Each refund is rounded once, half up: in 2027-28 (366 days) B's insurance is
// 3 × £20.00 = £60.00 and maternity 3 × £36.50 = £109.50; converting on 31 March
// 2028 (one day) refunds 6000p / 366 = 16.39p -> £0.16 and 10950p / 366 =
// 29.918p -> £0.30. A's maternity, £3,650.00 / 366 = 997.26p -> £9.97.
// The service totals are the schools' pennies added: £9.97 + £0.30 = £10.27.
TEST(Conversions, RefundsAddUpToThePenny) {
    const World w("2027-28");
    const auto r = w.convert("URN,Date\n100001,2028-03-31\n100002,2028-03-31\n", ConversionPolicy::refund);
    ASSERT_EQ(r.schools.size(), 2u);
    EXPECT_EQ(share(r.schools[1], "insurance", w.schedule).refund, m("0.16"));
    EXPECT_EQ(share(r.schools[1], "maternity", w.schedule).refund, m("0.30"));
    EXPECT_EQ(share(r.schools[0], "maternity", w.schedule).refund, m("9.97"));
    calc::Money refunds = m("0.00"), kept = m("0.00"), charges = m("0.00");
    for (const auto& s : r.services) {
        calc::Money sum = m("0.00");
        for (const auto& school : r.schools)
            for (const auto& x : school.services)
                if (x.service == s.service) sum += x.refund;
        EXPECT_EQ(s.refund, sum);
        EXPECT_EQ(s.refund + s.kept, s.charge);
        refunds += s.refund;
        kept += s.kept;
        charges += s.charge;
    }
    EXPECT_EQ(share(r.schools[0], "maternity", w.schedule).refund + share(r.schools[1], "maternity", w.schedule).refund,
              m("10.27"));
    EXPECT_EQ(r.refund, refunds);
    EXPECT_EQ(r.kept, kept);
    EXPECT_EQ(r.charge, charges);
}

// A tie is rounded up (half up, not half even): 2027-28, B's charge of
// 3 × £0.61 = £1.83 for one day is 183p / 366 = 0.5p exactly -> £0.01.
TEST(Conversions, AnExactHalfPennyRoundsUp) {
    World w("2027-28");
    w.schedule = rates::load_schedule(
        "[schedule]\nauthority = \"Test\"\nyear = \"2027-28\"\ncensus = \"test\"\nrounding = \"half_up\"\n\n"
        "[[service]]\nid = \"tiny\"\nname = \"Tiny\"\nkind = \"de-delegated\"\nphases = [\"primary\"]\nrates = { AWPU = \"0.61\" }\n",
        "tiny.toml");
    w.calculation = calc::calculate(w.census, w.schedule);
    w.charged = calc::charged_de_delegation(w.calculation, w.schedule, w.census.schools.size());
    const auto r = w.convert("URN,Date\n100002,2028-03-31\n", ConversionPolicy::refund);
    EXPECT_EQ(r.schools[0].services[0].charge, m("1.83"));
    EXPECT_EQ(r.schools[0].services[0].refund, m("0.01"));
}

TEST(Conversions, TheLedgerFallsByTheRefunds) {
    const World w;
    const auto r = w.convert("URN,Date\n100001,2025-12-01\n", ConversionPolicy::refund);
    const auto e = calc::ledger_effect(r, 0, "2025-26", calc::Decimal(700000), calc::Decimal(-17400), calc::Decimal(-50000));
    EXPECT_EQ(e.refunds, m("1210.00"));
    EXPECT_EQ(e.budget_after, calc::Decimal::from_units(69879000, 2));
    EXPECT_EQ(e.outturn_after, calc::Decimal::from_units(-1861000, 2));
    EXPECT_EQ(e.balance_after, calc::Decimal::from_units(-5121000, 2));
}

TEST(Conversions, TheRuleIsStatedWithItsDays) {
    const auto kept = calc::policy_sentence(ConversionPolicy::kept, *calc::financial_year_from_label("2025-26"));
    EXPECT_NE(kept.find("(days open − 153) ÷ 365"), std::string::npos) << kept;
    EXPECT_NE(kept.find("121 such days (not 121 − 153 = −32)"), std::string::npos) << kept;
    EXPECT_NE(kept.find("212 (not 213 − 153 = 60)"), std::string::npos) << kept;
    const auto leap = calc::policy_sentence(ConversionPolicy::refund, *calc::financial_year_from_label("2027-28"));
    EXPECT_NE(leap.find("366 days"), std::string::npos) << leap;
}

TEST(ConversionsFile, EveryProblemWithItsLine) {
    const World w;
    const std::string all = problems_of([&] {
        census::load_conversions("URN,Date\n"
                                 "999999,2025-12-01\n"   // 2: not in the census
                                 "100003,2025-12-01\n"   // 3: an academy
                                 "100004,2025-12-01\n"   // 4: special: charged no de-delegation
                                 "100001,2025-02-30\n"   // 5: no such day
                                 "100002,01/12/2025\n"   // 6: not ISO
                                 "100001,2025-12-01\n"   // 7: given twice
                                 "0123,2025-12-01\n",    // 8: not a URN
                                 "c.csv", w.census, w.charged, w.year);
    });
    EXPECT_NE(all.find("c.csv:2: URN: URN 999999 is not in the census"), std::string::npos) << all;
    EXPECT_NE(all.find("c.csv:3: URN: URN 100003 (Academy C) is an academy"), std::string::npos) << all;
    EXPECT_NE(all.find("c.csv:4: URN: URN 100004 (Special D) is charged no de-delegated service"), std::string::npos) << all;
    EXPECT_NE(all.find("c.csv:5: Date: \"2025-02-30\" is not a day of the calendar"), std::string::npos) << all;
    EXPECT_NE(all.find("c.csv:6: Date: write a date as 2025-12-01 (year-month-day), not \"01/12/2025\""), std::string::npos) << all;
    EXPECT_NE(all.find("c.csv:7: URN: URN 100001 given twice (first on line 5)"), std::string::npos) << all;
    EXPECT_NE(all.find("c.csv:8: URN: \"0123\" is not a URN"), std::string::npos) << all;
}

TEST(ConversionsFile, DatesOutsideTheYearAndBadHeaders) {
    const World w;
    const std::string out = problems_of([&] {
        census::load_conversions("URN,Date\n100001,2025-03-31\n100002,2026-04-01\n", "c.csv", w.census, w.charged, w.year);
    });
    EXPECT_NE(out.find("c.csv:2: Date: 2025-03-31 is outside the financial year 2025-26 (1 April 2025 to 31 March 2026)"),
              std::string::npos) << out;
    EXPECT_NE(out.find("c.csv:3: Date: 2026-04-01 is outside"), std::string::npos) << out;
    // The first and last days are in it.
    EXPECT_EQ(census::load_conversions("URN,Date\n100001,2025-04-01\n100002,2026-03-31\n", "c.csv", w.census, w.charged, w.year).size(), 2u);
    EXPECT_NE(problems_of([&] { census::load_conversions("URN,When\n100001,2025-04-01\n", "c.csv", w.census, w.charged, w.year); })
                  .find("c.csv:1: When: unknown column (expected URN, Date, School (optional))"),
              std::string::npos);
    EXPECT_NE(problems_of([&] { census::load_conversions("URN,Date\n", "c.csv", w.census, w.charged, w.year); }).find("c.csv:1: no rows"),
              std::string::npos);
    EXPECT_NE(problems_of([&] { census::load_conversions("", "c.csv", w.census, w.charged, w.year); }).find("c.csv: empty"),
              std::string::npos);
}

// The APT's New ISB columns, by hand: A's budget £500,000.00 less
// de-delegation £3,650.00 + £2,000.00 = £5,650.00 -> £494,350.00, less
// statutory duties 100 × £19.33 = £1,933.00 -> £492,417.00. The academy keeps
// its budget whole; D, a special school, pays no de-delegation and 20 places
// × £45.00 = £900.00 of statutory duties.
TEST(Apt, ColumnsAddUpByHand) {
    const World w;
    const auto budgets = census::load_budget_shares(
        "URN,Post MFG budget\n100001,\"£500,000.00\"\n100002,20000\n100003,250000.5\n100004,400000\n", "b.csv", w.census);
    const calc::AptTieOut t = calc::apt_tie_out(w.census, w.schedule, w.calculation, budgets, "b.csv");
    ASSERT_EQ(t.rows.size(), 4u);
    EXPECT_EQ(t.rows[0].post_mfg, m("500000.00"));
    EXPECT_EQ(t.rows[0].de_delegation, m("-5650.00"));
    EXPECT_EQ(t.rows[0].post_de_delegation, m("494350.00"));
    EXPECT_EQ(t.rows[0].education_functions, m("-1933.00"));
    EXPECT_EQ(t.rows[0].post_de_delegation_and_ef, m("492417.00"));
    // B: 3 × (36.50 + 20.00) = £169.50; 3 × £19.33 = £57.99.
    EXPECT_EQ(t.rows[1].de_delegation, m("-169.50"));
    EXPECT_EQ(t.rows[1].post_de_delegation_and_ef, m("19772.51"));
    EXPECT_EQ(t.rows[2].de_delegation, m("0.00"));
    EXPECT_EQ(t.rows[2].post_de_delegation_and_ef, m("250000.50"));
    // The totals: the De-delegation column is minus the de-delegated services' pennies.
    EXPECT_EQ(t.total.de_delegation, m("-5819.50"));
    EXPECT_EQ(t.de_delegated_charged, m("5819.50"));
    EXPECT_EQ(t.rows[3].de_delegation, m("0.00"));
    EXPECT_EQ(t.rows[3].education_functions, m("-900.00"));
    EXPECT_EQ(t.rows[3].post_de_delegation_and_ef, m("399100.00"));
    EXPECT_EQ(t.total.post_mfg, m("1170000.50"));
    EXPECT_EQ(t.total.education_functions, m("-2890.99"));
    EXPECT_EQ(t.education_functions_charged, m("2890.99"));
    EXPECT_EQ(t.total.post_de_delegation_and_ef, m("1161290.01"));
    EXPECT_EQ(t.total.post_mfg + t.total.de_delegation + t.total.education_functions, t.total.post_de_delegation_and_ef);
}

TEST(Apt, RefusesWhatWouldNotReconcile) {
    const World w;
    // B is charged but has no budget; A's budget is less than its charges.
    const auto budgets = census::load_budget_shares("URN,PostMFGBudget\n100001,5000.00\n", "b.csv", w.census);
    const std::string out = problems_of([&] { calc::apt_tie_out(w.census, w.schedule, w.calculation, budgets, "b.csv"); });
    EXPECT_NE(out.find("b.csv:2: PostMFGBudget: URN 100001: a budget of £5,000.00 is less than the school's charges (£7,583.00)"),
              std::string::npos) << out;
    EXPECT_NE(out.find("b.csv: URN: no budget for URN 100002 (School B), charged £227.49"), std::string::npos) << out;
}

TEST(BudgetsFile, EveryProblemWithItsLine) {
    const World w;
    const std::string out = problems_of([&] {
        census::load_budget_shares("URN,PostMFGBudget\n100001,12.5%\n100002,-100\n100003,1.234\n999999,1\n100001,1\n100004,abc\n100002,1000000000.01\n",
                                   "b.csv", w.census);
    });
    EXPECT_NE(out.find("b.csv:2: PostMFGBudget: \"12.5%\" is a percentage"), std::string::npos) << out;
    EXPECT_NE(out.find("b.csv:3: PostMFGBudget: \"-100\" is negative"), std::string::npos) << out;
    EXPECT_NE(out.find("b.csv:4: PostMFGBudget: \"1.234\" has more than two decimal places"), std::string::npos) << out;
    EXPECT_NE(out.find("b.csv:5: URN: URN 999999 is not in the census"), std::string::npos) << out;
    EXPECT_NE(out.find("b.csv:6: URN: URN 100001 given twice (first on line 2)"), std::string::npos) << out;
    EXPECT_NE(out.find("b.csv:7: PostMFGBudget:"), std::string::npos) << out;
    EXPECT_NE(out.find("b.csv:8: URN: URN 100002 given twice"), std::string::npos) << out;
    EXPECT_NE(out.find("b.csv:8: PostMFGBudget: \"1000000000.01\" is more than £1,000,000,000"), std::string::npos) << out;
}

}  // namespace
