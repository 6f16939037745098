// dedeleg conversions and dedeleg apt on the Havering sample and Devon: the
// figures worked by hand, the totals reconciled with `dedeleg calc`, and bad
// files refused with file:line and exit 2.
#include "calc/number_text.hpp"
#include "census/csv_rows.hpp"
#include "cli_run.hpp"

#include <gtest/gtest.h>

#include <map>

namespace {

using testing_cli::dedeleg;

const std::string kData = DEDELEG_TEST_DATA;
const std::string kSource = DEDELEG_SOURCE_DIR;
const std::string kDevon = "--rates '" + kData + "/devon/2025-26.toml' --census '" + kData + "/devon/census-878.csv'";

calc::Decimal d(const std::string& text) { return calc::parse_number(text).value; }

struct Csv {
    std::vector<std::string> header;
    std::vector<std::map<std::string, std::string>> rows;
};

Csv run_csv(const std::string& args, const std::string& name) {
    const auto dir = testing_cli::scratch(name);
    const auto r = dedeleg(args + " --format csv --out out.csv", dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "");
    const auto rows = census::read_csv_rows(testing_cli::slurp(dir / "out.csv"), "out.csv");
    Csv csv;
    csv.header = rows.at(0).fields;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        std::map<std::string, std::string> row;
        for (std::size_t k = 0; k < csv.header.size(); ++k) row[csv.header[k]] = rows[i].fields.at(k);
        csv.rows.push_back(row);
    }
    return csv;
}

const std::map<std::string, std::string>& find(const Csv& csv, const std::string& urn, const std::string& service) {
    for (const auto& row : csv.rows)
        if (row.at("URN") == urn && row.at("Service") == service) return row;
    throw std::runtime_error("no row " + urn + " " + service);
}

// `dedeleg calc`'s TOTAL row: each service's per-school pennies.
std::map<std::string, calc::Decimal> calc_totals(const std::string& args) {
    const auto dir = testing_cli::scratch("calc");
    const auto r = dedeleg("calc " + args + " --out calc.csv", dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto rows = census::read_csv_rows(testing_cli::slurp(dir / "calc.csv"), "calc.csv");
    std::map<std::string, calc::Decimal> totals;
    for (std::size_t k = 4; k + 1 < rows.front().fields.size(); ++k) totals[rows.front().fields[k]] = d(rows.back().fields[k]);
    return totals;
}

// Havering, refund: The James Oglethorpe converts on 1 December 2025 (121 days
// an academy): maternity 401 × £40.49 = £16,236.49, refunded × 121 / 365 =
// 5382.5076... -> £5,382.51; insurance 401 × £21.00 = £8,421.00 -> 2791.6191...
// -> £2,791.62. Parklands (1 April) is refunded the whole year; La Salette (31
// August, 213 days) is exempt from insurance, so it has no insurance row.
TEST(Conversions, HaveringRefundByHand) {
    const Csv csv = run_csv("conversions --conversions '" + kData + "/conversions-havering.csv' --policy refund", "hav-refund");
    const auto& mat = find(csv, "102268", "maternity");
    EXPECT_EQ(mat.at("DeDelegation"), "16236.49");
    EXPECT_EQ(mat.at("Refund"), "5382.51");
    EXPECT_EQ(mat.at("KeptByLA"), "10853.98");
    EXPECT_EQ(mat.at("DaysMaintained"), "244");
    EXPECT_EQ(mat.at("DaysAsAcademy"), "121");
    EXPECT_EQ(find(csv, "102268", "insurance").at("Refund"), "2791.62");
    const auto& parklands = find(csv, "102299", "maternity");
    EXPECT_EQ(parklands.at("DeDelegation"), "33161.31");
    EXPECT_EQ(parklands.at("Refund"), "33161.31");
    EXPECT_EQ(parklands.at("KeptByLA"), "0.00");
    EXPECT_EQ(find(csv, "102330", "maternity").at("DaysAsAcademy"), "213");
    EXPECT_THROW(find(csv, "102330", "insurance"), std::runtime_error);

    // Every school row: refund + kept = charge; each service's TOTAL is its rows added, and ALL the services'.
    std::map<std::string, calc::Decimal> refunds, kept;
    for (const auto& row : csv.rows) {
        EXPECT_EQ(row.at("Policy"), "refund");
        EXPECT_EQ(d(row.at("Refund")) + d(row.at("KeptByLA")), d(row.at("DeDelegation")));
        if (row.at("URN") == "TOTAL") continue;
        refunds[row.at("Service")] += d(row.at("Refund"));
        kept[row.at("Service")] += d(row.at("KeptByLA"));
    }
    calc::Decimal all;
    for (const auto& [service, sum] : refunds) {
        EXPECT_EQ(d(find(csv, "TOTAL", service).at("Refund")), sum) << service;
        EXPECT_EQ(d(find(csv, "TOTAL", service).at("KeptByLA")), kept[service]) << service;
        all += sum;
    }
    EXPECT_EQ(d(find(csv, "TOTAL", "ALL").at("Refund")), all);
}

// Havering, kept: nothing refunded; the ESFA share beside it: 1 December, 121
// days from 1 September; 1 April and 31 August, 212: Parklands' maternity
// £33,161.31 × 212 / 365 = 19260.8156... -> £19,260.82.
TEST(Conversions, HaveringKeptByHand) {
    const Csv csv = run_csv("conversions --conversions '" + kData + "/conversions-havering.csv' --policy kept", "hav-kept");
    EXPECT_EQ(find(csv, "102268", "maternity").at("ESFAAcademyShare"), "5382.51");
    EXPECT_EQ(find(csv, "102268", "maternity").at("KeptByLA"), "16236.49");
    EXPECT_EQ(find(csv, "102299", "maternity").at("ESFAAcademyShare"), "19260.82");
    EXPECT_EQ(find(csv, "102299", "insurance").at("ESFAAcademyShare"), "9989.56");
    EXPECT_EQ(find(csv, "102330", "maternity").at("DaysOpenFromSeptember"), "212");
    for (const auto& row : csv.rows) EXPECT_EQ(row.at("Refund"), "0.00");
}

TEST(Conversions, MarkdownStatesTheRuleAndTheLedger) {
    const auto r = dedeleg("conversions --conversions '" + kData + "/conversions-havering.csv' --policy refund --ledger '" +
                           kSource + "/model/havering/maternity.toml'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Policy: refund."), std::string::npos);
    EXPECT_NE(r.out.find("rounded half up to the penny once per school per service"), std::string::npos);
    // The maternity ledger's 2025-26 budget is 17,466 × £40.49 = £707,198 (to the pound).
    EXPECT_NE(r.out.find("| Maternity leave insurance | 2025-26 | £707,198 |"), std::string::npos) << r.out;
    const auto kept = dedeleg("conversions --conversions '" + kData + "/conversions-havering.csv' --policy kept");
    ASSERT_EQ(kept.exit_code, 0) << kept.err;
    EXPECT_NE(kept.out.find("(days open − 153) ÷ 365"), std::string::npos);
    EXPECT_NE(kept.out.find("121 such days (not 121 − 153 = −32)"), std::string::npos);
}

// Devon: Bow converts on 1 December 2025; its maternity is 111 × £11.079 =
// £1,229.769 -> £1,229.77, refunded × 121 / 365 = 407.6775... -> £407.68.
TEST(Conversions, DevonRefundByHandWithItsLedger) {
    const Csv csv = run_csv("conversions " + kDevon + " --conversions '" + kData + "/devon/conversions.csv' --policy refund",
                            "devon-refund");
    EXPECT_EQ(find(csv, "113060", "maternity").at("DeDelegation"), "1229.77");
    EXPECT_EQ(find(csv, "113060", "maternity").at("Refund"), "407.68");
    const auto md = dedeleg("conversions " + kDevon + " --conversions '" + kData + "/devon/conversions.csv' --policy refund --ledger '" +
                            kData + "/devon/maternity-ledger.toml'");
    ASSERT_EQ(md.exit_code, 0) << md.err;
    // The ledger's 2025-26 budget: 20,600 × £11.079 = £228,227.40 -> £228,227, less the maternity refunds
    // £407.68 (Bow) + £4,475.92 (Hayward's, the whole year) + £1,137.89 (Clyst St Mary, 213 days) = £6,021.49.
    EXPECT_EQ(find(csv, "TOTAL", "maternity").at("Refund"), "6021.49");
    EXPECT_NE(md.out.find("| Maternity and paternity cover | 2025-26 | £228,227 | £6,021.49 | £222,205.51 | -£7,773 | "
                          "-£13,794.49 | £10,798 | £4,776.51 |"),
              std::string::npos) << md.out;
}

TEST(Conversions, BadFilesAreRefusedWithTheirLines) {
    const auto dir = testing_cli::scratch("conv-bad");
    testing_cli::write(dir / "c.csv", "URN,Date\n102362,2025-12-01\n139406,2025-12-01\n102268,2026-04-01\n102269,2025-02-29\n");
    const auto r = dedeleg("conversions --conversions c.csv --policy refund --out out.md", dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("c.csv:2: URN: URN 102362 (Corbets Tey School) is charged no de-delegated service"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("c.csv:3: URN: URN 139406 (Langtons Junior Academy) is an academy"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("c.csv:4: Date: 2026-04-01 is outside the financial year 2025-26"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("c.csv:5: Date: \"2025-02-29\" is not a day of the calendar"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "out.md"));  // never a partial output
    // A ledger for another service, or without the year, is refused too.
    const auto ledger = dedeleg("conversions " + kDevon + " --conversions '" + kData + "/devon/conversions.csv' --policy kept --ledger '" +
                                kSource + "/model/havering/maternity.toml'");
    EXPECT_EQ(ledger.exit_code, 0) << ledger.err;  // Devon has a maternity service and the ledger a 2025-26 year
    const auto policy = dedeleg("conversions --conversions '" + kData + "/conversions-havering.csv' --policy refunded");
    EXPECT_EQ(policy.exit_code, 1);  // not kept or refund: a usage error
}

TEST(Conversions, HelpTeachesWithAnExample) {
    const auto r = dedeleg("conversions --help");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("Example: dedeleg conversions --conversions"), std::string::npos);
    EXPECT_NE(r.out.find("URN,Date"), std::string::npos);
    const auto apt = dedeleg("apt --help");
    EXPECT_EQ(apt.exit_code, 0);
    EXPECT_NE(apt.out.find("Example: dedeleg apt --budgets"), std::string::npos);
}

// The APT tie-out reconciles with the paper: the De-delegation column adds up to
// minus the de-delegated services' per-school pennies (`dedeleg calc`'s TOTAL
// row), the Education functions column to minus the education functions', and
// every row's columns add up.
void check_apt(const std::string& inputs, const std::string& budgets, const std::vector<std::string>& de_delegated,
               const std::vector<std::string>& functions, const std::string& name) {
    const Csv csv = run_csv("apt " + inputs + " --budgets '" + budgets + "'", name);
    const auto totals = calc_totals(inputs);
    calc::Decimal dd, ef, sum_budget, sum_dd, sum_post, sum_ef, sum_final;
    for (const auto& id : de_delegated) dd += totals.at(id);
    for (const auto& id : functions) ef += totals.at(id);
    ASSERT_FALSE(csv.rows.empty());
    for (const auto& row : csv.rows) {
        const calc::Decimal budget = d(row.at("Post MFG budget")), de = d(row.at("De-delegation")),
                            post = d(row.at("Post de-delegation budget")), edu = d(row.at("Education functions")),
                            final_budget = d(row.at("Post de-delegation and education functions budget"));
        EXPECT_LE(de, calc::Decimal(0));
        EXPECT_LE(edu, calc::Decimal(0));
        EXPECT_EQ(budget + de, post) << row.at("URN");
        EXPECT_EQ(post + edu, final_budget) << row.at("URN");
        if (row.at("URN") == "TOTAL") {
            EXPECT_EQ(de, -dd);   // the reconciliation the paper's tables need
            EXPECT_EQ(edu, -ef);
            EXPECT_EQ(budget, sum_budget);
            EXPECT_EQ(de, sum_dd);
            EXPECT_EQ(post, sum_post);
            EXPECT_EQ(edu, sum_ef);
            EXPECT_EQ(final_budget, sum_final);
            continue;
        }
        sum_budget += budget;
        sum_dd += de;
        sum_post += post;
        sum_ef += edu;
        sum_final += final_budget;
    }
    EXPECT_EQ(csv.rows.back().at("URN"), "TOTAL");
}

TEST(Apt, HaveringTiesOutWithThePaper) {
    check_apt("", kData + "/budgets-havering.csv",
              {"insurance", "fsm-eligibility", "maternity", "eal", "behaviour-support", "trade-union"},
              {"statutory-duties", "school-improvement"}, "apt-hav");
    // By hand: The James Oglethorpe, budget £2,016,803.37; insurance £8,421.00 + maternity £16,236.49 + trade union 401 × £2.80 = £1,122.80 + ...
    const Csv csv = run_csv("apt --budgets '" + kData + "/budgets-havering.csv'", "apt-hav-row");
    for (const auto& row : csv.rows)
        if (row.at("URN") == "139406") {  // an academy: nothing taken
            EXPECT_EQ(row.at("De-delegation"), "0.00");
            EXPECT_EQ(row.at("Post de-delegation and education functions budget"), row.at("Post MFG budget"));
        }
}

TEST(Apt, DevonTiesOutWithThePaper) {
    check_apt(kDevon, kData + "/devon/budgets.csv", {"contingency", "fsm-eligibility", "maternity", "trade-union"}, {"statutory"},
              "apt-devon");
}

TEST(Apt, MarkdownSaysItReconciles) {
    const auto r = dedeleg("apt --budgets '" + kData + "/budgets-havering.csv'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("- De-delegation column: -£"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(": reconciles (the de-delegated services)."), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("DOES NOT reconcile"), std::string::npos);
}

TEST(Apt, AMissingSchoolOrBadBudgetIsRefused) {
    const auto dir = testing_cli::scratch("apt-bad");
    // An amount with a thousands comma must be quoted: unquoted it is a third field.
    testing_cli::write(dir / "b.csv", "URN,PostMFGBudget\n102268,\"£3,000,000\"\n102269,£3,000\n");
    const auto fields = dedeleg("apt --budgets b.csv --out out.csv", dir);
    EXPECT_EQ(fields.exit_code, 2);
    EXPECT_NE(fields.err.find("b.csv:3: 3 fields, but the header has 2"), std::string::npos) << fields.err;
    testing_cli::write(dir / "b.csv", "URN,PostMFGBudget\n102268,1000.00\n");
    const auto r = dedeleg("apt --budgets b.csv --out out.csv", dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("b.csv:2: PostMFGBudget: URN 102268: a budget of £1,000.00 is less than the school's charges"),
              std::string::npos) << r.err;
    EXPECT_NE(r.err.find("b.csv: URN: no budget for URN 102272 (Elm Park Primary School)"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "out.csv"));
}

}  // namespace
