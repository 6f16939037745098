#include "rates/ledger_loader.hpp"

#include "calc/diagnostic.hpp"
#include "io/text_file.hpp"

#include <gtest/gtest.h>

namespace {

const std::string kHead = "[ledger]\nservice = \"maternity\"\nname = \"Maternity\"\n";
const std::string kYear = "[[year]]\nyear = \"2023-24\"\nrate = \"34.87\"\npupils = 17284\nspend = \"£528,751\"\n";

std::string first_problem(const std::string& text) {
    try {
        rates::load_ledger(text, "l.toml");
    } catch (const calc::InputError& e) {
        return e.diagnostics.front().to_string();
    }
    return "(accepted)";
}

TEST(LedgerLoader, ReadsTheShippedMaternityLedger) {
    const auto in = rates::load_ledger_file(DEDELEG_SOURCE_DIR "/model/havering/maternity.toml");
    ASSERT_EQ(in.ledger.years.size(), 3u);
    EXPECT_EQ(in.ledger.years[0].spend.to_string(), "528751");
    EXPECT_EQ(in.ledger.years[2].rate.value.to_string(), "40.49");
    EXPECT_TRUE(in.ledger.years[2].forecast);
    EXPECT_EQ(in.assumptions.pay_award.to_string(), "0.055");
    ASSERT_TRUE(in.claims.has_value());
    EXPECT_EQ(in.claims->cost_per_claim.to_string(), "12500");
}

struct Bad {
    std::string text;
    std::string problem;
};

TEST(LedgerLoader, RefusesBadAssumptionFilesWithFileLineAndKey) {
    const Bad cases[] = {
        {"[ledger\n", "l.toml:1: not valid TOML"},
        {kYear, "l.toml:1: ledger: missing [ledger] table"},
        {kHead, "l.toml:1: year: no [[year]] entries"},
        {kHead + kYear + "[assumptions]\npay_award = \"5.5\"\n", "l.toml:10: assumptions.pay_award: write a percentage"},
        {kHead + kYear + "[assumptions]\npay_award = \"five\"\n", "l.toml:10: assumptions.pay_award: not a number"},
        {kHead + kYear + "[assumptions]\nroll = \"upwards\"\n", "l.toml:10: assumptions.roll: must be flat, trend or a percentage"},
        {kHead + kYear + "[assumptions]\nrate = \"double\"\n", "l.toml:10: assumptions.rate: must be hold, pay, breakeven"},
        {kHead + kYear + "[assumptions]\npay_rise = \"5%\"\n", "l.toml:10: assumptions.pay_rise: unknown key"},
        {kHead + kYear + "[claims]\nper_year = \"-3\"\ncost_per_claim = \"1\"\ncost_year = \"2023-24\"\n",
         "l.toml:10: claims.per_year: must be above zero"},
        {kHead + kYear + "[claims]\nper_year = \"3\"\ncost_year = \"2023-24\"\n", "l.toml:9: claims.cost_per_claim: missing"},
        {kHead + "[[year]]\nyear = \"2023-24\"\nrate = \"34.87\"\npupils = \"many\"\nspend = \"1\"\n",
         "l.toml:7: year.2023-24.pupils: must be a whole number"},
        {kHead + kYear + "[[year]]\nyear = \"2025-26\"\nrate = \"1\"\npupils = 1\nspend = \"1\"\n",
         "l.toml:10: year.2025-26.year: expected 2024-25 after 2023-24"},
        {kHead + kYear + "[[year]]\nyear = \"2024-25\"\nrate = \"1\"\npupils = 1\nspend = \"1\"\nstatus = \"guess\"\n",
         "l.toml:14: year.2024-25.status: must be \"actual\" or \"forecast\""},
        // Issue 18: spend, actual or projected, is never below £0 (a projected -£50,000 was accepted on 72aec1f).
        {kHead + kYear + "[[year]]\nyear = \"2024-25\"\nrate = \"1\"\npupils = 1\nspend = \"-50000\"\nstatus = \"forecast\"\n",
         "l.toml:13: year.2024-25.spend: spend is a £ amount of at least £0"},
        {kHead + "[[year]]\nyear = \"2023-24\"\nrate = \"1\"\npupils = 1\nspend = -1\n",
         "l.toml:8: year.2023-24.spend: spend is a £ amount of at least £0"},
        {kHead + "[[year]]\nyear = \"2023-24\"\nrate = \"1\"\npupils = 1\nspend = \"5%\"\n",
         "l.toml:8: year.2023-24.spend: spend is a £ amount of at least £0"},
    };
    for (const Bad& c : cases) {
        const std::string got = first_problem(c.text);
        EXPECT_EQ(got.substr(0, c.problem.size()), c.problem) << "input:\n" << c.text;
    }
}

// Issue 18: a ledger saved with a byte-order mark (Notepad) is read as
// without one, and no message shows the mark or a control character raw.
TEST(LedgerLoader, AByteOrderMarkIsTakenOffAndNoControlCharacterReachesAMessage) {
    EXPECT_EQ(first_problem("\xEF\xBB\xBF" + kHead + kYear), "(accepted)");
    EXPECT_EQ(first_problem("\xEF\xBB\xBF" + kYear), "l.toml:1: ledger: missing [ledger] table");
    for (const std::string& text : {kHead + kYear + "\"\\u001b[2J\" = 1\n",
                                    kHead + kYear + "\"\\u009b2J\" = 1\n", kHead + kYear + "\"\\ufeff\" = 1\n",
                                    kHead + kYear + "[assumptions]\nroll = \"\\u202eflat\"\n"}) {
        const std::string got = first_problem(text);
        EXPECT_NE(got, "(accepted)") << text;
        for (const char* raw : {"\x1b", "\xC2\x9B", "\xEF\xBB\xBF", "\xE2\x80\xAE"}) EXPECT_EQ(got.find(raw), std::string::npos) << got;
    }
}

}  // namespace

