// dedeleg calc and compare on the shipped sample: the CSVs add up, and the
// wide and long layouts agree to the penny.
#include "calc/number_text.hpp"
#include "census/csv_rows.hpp"
#include "cli_run.hpp"

#include <gtest/gtest.h>

#include <map>

namespace {

using testing_cli::dedeleg;

calc::Decimal d(const std::string& text) { return calc::parse_number(text).value; }

std::vector<census::CsvRow> run_csv(const std::string& args, const std::string& name) {
    const auto dir = testing_cli::scratch(name);
    const auto r = dedeleg(args + " --out out.csv", dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "");  // data went to the file
    return census::read_csv_rows(testing_cli::slurp(dir / "out.csv"), "out.csv");
}

TEST(Calc, WideTotalRowEqualsTheSumOfSchoolsToThePenny) {
    const auto rows = run_csv("calc", "wide");
    ASSERT_GT(rows.size(), 2u);
    const auto& header = rows.front().fields;
    EXPECT_EQ(header.front(), "URN");
    EXPECT_EQ(header.back(), "Total");
    const auto& total = rows.back().fields;
    ASSERT_EQ(total.front(), "TOTAL");
    EXPECT_EQ(rows.size(), 42u);  // header, 39 maintained primaries, the maintained special school, TOTAL
    for (std::size_t col = 4; col < header.size(); ++col) {
        calc::Decimal sum;
        for (std::size_t r = 1; r + 1 < rows.size(); ++r)
            if (!rows[r].fields[col].empty()) sum += d(rows[r].fields[col]);
        EXPECT_EQ(sum, d(total[col])) << header[col];
    }
    // Each school's Total is the sum of its services.
    for (std::size_t r = 1; r + 1 < rows.size(); ++r) {
        calc::Decimal sum;
        for (std::size_t col = 4; col + 1 < header.size(); ++col)
            if (!rows[r].fields[col].empty()) sum += d(rows[r].fields[col]);
        EXPECT_EQ(sum, d(rows[r].fields.back())) << rows[r].fields[0];
    }
    // The service totals are the tables' per-school pennies.
    std::map<std::string, std::string> by_id;
    for (std::size_t col = 4; col < header.size(); ++col) by_id[header[col]] = total[col];
    EXPECT_EQ(by_id["maternity"], "707198.34");
    EXPECT_EQ(by_id["insurance"], "362880.00");
    EXPECT_EQ(by_id["Total"], "1860414.85");
}

TEST(Calc, LongLayoutAgreesWithWide) {
    const auto wide = run_csv("calc", "wide2");
    const auto long_rows = run_csv("calc --layout long", "long");
    ASSERT_EQ(long_rows.front().fields,
              (std::vector<std::string>{"URN", "School", "Service", "Factor", "Count", "Rate", "Amount"}));

    std::map<std::pair<std::string, std::string>, calc::Decimal> exact;    // (URN, service) -> sum of factors
    std::map<std::pair<std::string, std::string>, calc::Decimal> rounded;  // (URN, service) -> ROUNDED
    for (std::size_t r = 1; r + 1 < long_rows.size(); ++r) {
        const auto& f = long_rows[r].fields;
        if (f[3] == "ROUNDED") {
            rounded[{f[0], f[2]}] = d(f[6]);
        } else {
            EXPECT_EQ(d(f[4]) * d(f[5]), d(f[6])) << "amount is rate × count: " << f[0] << " " << f[2];
            exact[{f[0], f[2]}] += d(f[6]);
        }
    }
    for (const auto& [key, amount] : rounded)
        EXPECT_EQ(exact[key].round(2, calc::RoundingMode::half_up), amount) << key.first << " " << key.second;

    const auto& header = wide.front().fields;
    for (std::size_t r = 1; r + 1 < wide.size(); ++r)
        for (std::size_t col = 4; col + 1 < header.size(); ++col) {
            const std::string& cell = wide[r].fields[col];
            const auto it = rounded.find({wide[r].fields[0], header[col]});
            if (cell.empty()) EXPECT_EQ(it, rounded.end());
            else EXPECT_EQ(it->second, d(cell)) << wide[r].fields[0] << " " << header[col];
        }
    EXPECT_EQ(long_rows.back().fields.back(), wide.back().fields.back());
}

TEST(Calc, StatesTheReconciliationOnStandardError) {
    const auto dir = testing_cli::scratch("recon");
    const auto r = dedeleg("calc --out out.csv", dir);
    EXPECT_EQ(r.err,
              "wrote out.csv: schools are charged £1,860,414.85 in all (each school's charge rounded half_up to the "
              "penny); exact total £1,860,414.8544600751; difference -£0.0044600751\n");
}

TEST(Calc, AcademiesNeverAppear) {
    const auto rows = run_csv("calc", "academies");
    for (const auto& row : rows) EXPECT_NE(row.fields[0], "139406") << "Langtons Junior Academy was charged";
}

TEST(Compare, ShowsWhatTheNewScheduleCostsEachSchool) {
    const auto rows = run_csv("compare", "compare");
    ASSERT_GT(rows.size(), 2u);
    EXPECT_EQ(rows.front().fields[6], "Change");
    const auto& total = rows.back().fields;
    EXPECT_EQ(total[0], "TOTAL");
    // 2025-26 minus 2024-25 on the same census, summed over schools.
    EXPECT_EQ(d(total[6]), d(total[5]) - d(total[4]));
}

TEST(Compare, AScheduleAgainstItselfChangesNothing) {
    const auto dir = testing_cli::scratch("self");
    const auto r = dedeleg("compare --from '" DEDELEG_SOURCE_DIR "/rates/havering/2025-26.toml' --to '" DEDELEG_SOURCE_DIR
                           "/rates/havering/2025-26.toml' --census '" DEDELEG_SOURCE_DIR "/census/samples/havering-2023.csv' --format csv",
                           dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = census::read_csv_rows(r.out, "stdout");
    for (std::size_t i = 1; i < rows.size(); ++i) EXPECT_EQ(d(rows[i].fields[6]), calc::Decimal(0));
}

}  // namespace

namespace {

#define EXPECT_HAS(text, part) EXPECT_NE((text).find(part), std::string::npos) << "missing: " << (part) << "\n" << (text)

TEST(RatePlaces, SolveRoundsToThePlacesAsked) {
    const auto r = dedeleg("solve --uplift 5% --rate 10.551 --places 3 --round half_up");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "£10.551 × (1 + 5%) = £11.07855 → £11.079 (rounded half_up to 3 places)\n");
    const auto t = dedeleg("solve --target 270700 --base 24432 --places 4");
    EXPECT_EQ(t.out, "£270,700.00 ÷ 24,432 = £11.079731… → £11.0798 (rounded up to 4 places)\n");
    EXPECT_EQ(dedeleg("solve --uplift 5% --rate 2.80").out, "£2.80 × (1 + 5%) = £2.94 → £2.94 (rounded up to the penny)\n");
    EXPECT_EQ(dedeleg("solve --uplift 5% --rate 10.551 --places 5").exit_code, 1);
}

TEST(RatePlaces, EveryOutputKeepsEveryPlace) {
    const auto dir = testing_cli::scratch("places");
    testing_cli::write(dir / "r.toml", R"([schedule]
authority = "T"
year = "2025-26"

[[service]]
id = "fsm"
name = "FSM checking"
kind = "de-delegated"
phases = ["primary", "secondary"]
rates = { FSM = "6.255" }
[service.phase_rates.secondary]
FSM = "10.5515"
)");
    testing_cli::write(dir / "c.csv", "URN,Phase,Governance,NOR,FSM\n1,primary,maintained,100,9\n2,secondary,maintained,100,3\n");
    const std::string in = " --rates r.toml --census c.csv";
    const auto md = dedeleg("tables" + in, dir);
    EXPECT_HAS(md.out, "| Amount | £6.255 | £10.5515 |");
    EXPECT_HAS(dedeleg("tables --format csv" + in, dir).out, "fsm,FSM checking,proposed,Proposed,yes,Secondary,FSM,10.5515,,31.6545,32,1,,,,,,\n");
    EXPECT_HAS(dedeleg("tables --format json" + in, dir).out, "\"rate\": \"10.5515\"");
    const auto long_csv = dedeleg("calc --layout long" + in, dir);
    EXPECT_HAS(long_csv.out, "1,,fsm,FSM,9,6.255,56.295\n");
    EXPECT_HAS(long_csv.out, "1,,fsm,ROUNDED,,,56.30\n");
    EXPECT_HAS(long_csv.out, "2,,fsm,FSM,3,10.5515,31.6545\n");
}

}  // namespace
