// `dedeleg check --published`: the shipped Havering figures flag what the
// 2025-26 consultation gets wrong or leaves unsaid (exit 1); a figures file
// that reconciles passes (exit 0); a bad figures file is refused with
// file:line: key: what (exit 2) and no report.
#include "cli_run.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace {

using testing_cli::dedeleg;

const std::string kHavering = std::string(DEDELEG_SOURCE_DIR) + "/rates/havering/published-2025-26.toml";
const std::string kReconciles = std::string(DEDELEG_TEST_DATA) + "/check/reconciles.toml";

#define EXPECT_SHOWS(text, figure) EXPECT_NE((text).find(figure), std::string::npos) << "missing: " << (figure) << "\n" << (text)

// The block from `heading` to the next heading of the same level or above.
std::string section(const std::string& text, const std::string& heading) {
    const std::size_t from = text.find(heading);
    if (from == std::string::npos) return "";
    const std::size_t to = text.find("\n## ", from + heading.size());
    return text.substr(from, to == std::string::npos ? std::string::npos : to - from);
}

class HaveringPaper : public ::testing::Test {
protected:
    static void SetUpTestSuite() { run = new testing_cli::Run(dedeleg("check --published '" + kHavering + "'")); }
    static void TearDownTestSuite() { delete run; }
    static testing_cli::Run* run;
    static std::string flagged() { return section(run->out, "## Figures that do not reconcile"); }
};
testing_cli::Run* HaveringPaper::run = nullptr;

TEST_F(HaveringPaper, ExitsOneWithTheReportAndNoError) {
    EXPECT_EQ(run->exit_code, 1) << run->err;
    EXPECT_EQ(run->err, "");
    EXPECT_SHOWS(run->out, "**3 of 53 figures do not reconcile; 2 other findings.**");
}

TEST_F(HaveringPaper, TheThirtyThousandPoundCutIsThirtyThousandSevenHundredAndSeven) {
    // (£5.11 × 17,280 + £15.33 × 156.5) − (£3.38 × 17,280 + £10.14 × 156.5), section 4.8, line 399.
    EXPECT_SHOWS(flagged(), "| 4.8 School improvement, line 399 |");
    EXPECT_SHOWS(flagged(), "| £30,000 (to £1,000) | £30,707 (exact £30,706.635) | £31,000 | +£706.635 |");
    EXPECT_SHOWS(flagged(), "2024-25 total £90,699.945 − 2025-26 total £59,993.31 = £30,706.635");
}

TEST_F(HaveringPaper, TheFiftyOneSevenHundredTotalIsFiftyOneSixNinetyNine) {
    EXPECT_SHOWS(flagged(), "| 4.6 Trade union, line 331 |");
    EXPECT_SHOWS(flagged(), "| £51,700 | £51,699 (exact £51,699.36) | £51,699 | -£0.64 |");
}

TEST_F(HaveringPaper, TheNinePointSixPercentRiseIsNinePointFiveFive) {
    EXPECT_SHOWS(flagged(), "| 9.6% | 9.55% | 9.6% | -0.05 points |");
    EXPECT_SHOWS(flagged(), "£36.96 × (1 + 9.6%) = £40.50816 → £40.51 (rounded up), not the £40.49 charged");
}

TEST_F(HaveringPaper, OnlyThoseThreeFiguresAreFlagged) {
    std::size_t rows = 0;
    const std::string text = flagged();
    for (std::size_t at = text.find("\n| "); at != std::string::npos; at = text.find("\n| ", at + 1)) ++rows;
    EXPECT_EQ(rows, 4u) << text;  // the heading and three figures
}

TEST_F(HaveringPaper, ServicesChargedOnDifferentPupilsForAnExemptionItDoesNotState) {
    const std::string s = section(run->out, "### Services charged on different pupils");
    EXPECT_SHOWS(s, "exemptions the paper does not state — flagged");
    EXPECT_SHOWS(s, "17,466 primary pupils: fsm-eligibility, maternity, eal, behaviour-support, trade-union.");
    EXPECT_SHOWS(s, "17,280 primary pupils: insurance, statutory-duties, school-improvement.");
    EXPECT_SHOWS(s, "The census exempts La Salette Catholic Primary School (URN 102330");
    EXPECT_SHOWS(s, "186 pupils) from insurance, statutory-duties, school-improvement.");
}

TEST_F(HaveringPaper, TradeUnionTimeIsMissingFromTheIntroduction) {
    const std::string s = section(run->out, "### Services charged but not named in the introduction — flagged");
    EXPECT_SHOWS(s, "Trade union facility time (trade-union) is charged to 39 schools");
    EXPECT_EQ(s.find("Insurance (insurance)"), std::string::npos) << s;
}

TEST_F(HaveringPaper, ThePublishedFiguresThatReconcileAreListed) {
    const std::string ok = section(run->out, "## Figures that reconcile");
    EXPECT_SHOWS(ok, "| £363,000 (to £1,000) | £362,880 |");
    EXPECT_SHOWS(ok, "| £195,483 | £195,483 (exact £195,483.3992762501) |");
    EXPECT_SHOWS(ok, "| 17466 | 17,466 |");  // maternity's applicable pupils, line 255
    EXPECT_SHOWS(ok, "£2.80 × (1 + 5.5%) = £2.954 → £2.96 (rounded up), the rate charged.");
    EXPECT_SHOWS(ok, "| -£10,000 (to £1,000) | -£10,202 |");  // "the anticipated £10k shortfall"
    EXPECT_SHOWS(ok, "| £2,937 | £2,936.87 |");              // Appendix A's average
}

TEST(CheckJson, HaveringAsJsonWithExactFiguresAsText) {
    const auto r = dedeleg("check --published '" + kHavering + "' --format json");
    ASSERT_EQ(r.exit_code, 1) << r.err;
    const nlohmann::json doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["reconciles"], false);
    EXPECT_EQ(doc["figures_flagged"], 3);
    EXPECT_EQ(doc["findings_flagged"], 2);
    std::vector<std::string> computed;
    for (const auto& f : doc["figures"])
        if (!f["reconciles"].get<bool>()) computed.push_back(f["computed"].get<std::string>() + " " + f["difference"].get<std::string>());
    EXPECT_EQ(computed, (std::vector<std::string>{"9.55 -0.05", "51699.36 -0.64", "30706.635 706.635"}));
}

TEST(CheckReconciles, ASmallPaperWhoseFiguresAllReconcileExitsZero) {
    const auto r = dedeleg("check --published '" + kReconciles + "'");
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_SHOWS(r.out, "**All 13 figures reconcile, and nothing is left unstated.**");
    EXPECT_SHOWS(r.out, "Services charged on different pupils, for the exemptions the paper states");
    EXPECT_EQ(r.out.find("flagged"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("do not reconcile"), std::string::npos) << r.out;
}

TEST(CheckReconciles, JsonSaysItReconciles) {
    const auto r = dedeleg("check --published '" + kReconciles + "' -f json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const nlohmann::json doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["reconciles"], true);
    EXPECT_EQ(doc["figures"].size(), 13u);
}

// Figures beside the shipped Havering inputs, written in the test's own folder.
std::string shipped_paper(const std::string& paper_extra, const std::string& figures) {
    return "[paper]\ntitle = \"t\"\n" + paper_extra + "\n[inputs]\nshipped = \"havering\"\n\n" + figures;
}

testing_cli::Run check_text(const std::string& text, const std::string& extra_args = "") {
    const auto dir = testing_cli::scratch("check");
    testing_cli::write(dir / "figures.toml", text);
    return dedeleg("check --published figures.toml " + extra_args, dir);
}

TEST(CheckReconciles, HaveringsFiguresAtTheirPrecisionWithItsExemptionStated) {
    // £51,700 reconciles when read as to £100; the exemptions stated, nothing is flagged.
    const auto r = check_text(shipped_paper("exemptions = [\"insurance\", \"statutory-duties\", \"school-improvement\"]",
                                            "[[figure]]\nwhere = \"4.6\"\nwhat = \"total\"\nservice = \"trade-union\"\n"
                                            "option = \"pay-rise\"\nprinted = \"£51,700\"\nto = \"£100\"\n\n"
                                            "[[figure]]\nwhere = \"4.3\"\nwhat = \"change\"\nservice = \"maternity\"\nprinted = \"9.6%\"\n"));
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_SHOWS(r.out, "| £51,700 (to £100) | £51,699 (exact £51,699.36) |");
    EXPECT_SHOWS(r.out, "£36.96 → £40.49 is a change of 9.55%.");  // a plain change of 9.55% prints as 9.6%
}

TEST(CheckOutput, OutWritesTheReportAndStillExitsOne) {
    const auto dir = testing_cli::scratch("check-out");
    const auto r = dedeleg("check --published '" + kHavering + "' --out report.md", dir);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_SHOWS(testing_cli::slurp(dir / "report.md"), "£30,706.635");
}

// Bad figures files: exit 2, every problem as file:line: key: what, no report.
struct BadFigures {
    const char* name;
    std::string text;
    const char* expected;
};

class CheckBadInput : public ::testing::TestWithParam<BadFigures> {};

TEST_P(CheckBadInput, RefusedWithFileLineKeyAndExitTwo) {
    const auto r = check_text(GetParam().text);
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_SHOWS(r.err, GetParam().expected);
}

const std::string kTotal = "[[figure]]\nwhere = \"4.1\"\nwhat = \"total\"\nservice = \"insurance\"\nprinted = \"£363,000\"\nto = \"£1,000\"\n";

INSTANTIATE_TEST_SUITE_P(
    Figures, CheckBadInput,
    ::testing::Values(
        BadFigures{"UnknownService",
                   shipped_paper("", "[[figure]]\nwhere = \"x\"\nwhat = \"total\"\nservice = \"insurence\"\nprinted = \"£1\"\n"),
                   "figures.toml:10: service: no service \"insurence\" in the 2025-26 schedule (insurance, "},
        BadFigures{"UnknownKind", shipped_paper("", "[[figure]]\nwhere = \"x\"\nwhat = \"totals\"\nservice = \"insurance\"\n"),
                   "figures.toml:9: figure.what: unknown \"totals\" (rate, total, pupils, cut, change, rise, ledger, range)"},
        BadFigures{"UnknownKey", shipped_paper("", kTotal + "phasee = \"primary\"\n"),
                   "figures.toml:13: figure.total.phasee: unknown key"},
        BadFigures{"KeyNotForThisKind", shipped_paper("", kTotal + "row = \"budget\"\n"),
                   "figures.toml:13: figure.total.row: unknown key"},
        BadFigures{"PrintedNotANumber",
                   shipped_paper("", "[[figure]]\nwhere = \"x\"\nwhat = \"total\"\nservice = \"insurance\"\nprinted = \"£3O,000\"\n"),
                   "figures.toml:11: figure.total.printed:"},
        BadFigures{"PrintedMissing", shipped_paper("", "[[figure]]\nwhere = \"x\"\nwhat = \"total\"\nservice = \"insurance\"\n"),
                   "figure.total.printed: missing"},
        BadFigures{"ToNotAPowerOfTen",
                   shipped_paper("", "[[figure]]\nwhere = \"x\"\nwhat = \"total\"\nservice = \"insurance\"\nprinted = \"£363,000\"\n"
                                     "to = \"£250\"\n"),
                   "figures.toml:12: figure.total.to: must be a power of ten of pounds"},
        BadFigures{"PrintedNotAMultipleOfTo",
                   shipped_paper("", "[[figure]]\nwhere = \"x\"\nwhat = \"total\"\nservice = \"insurance\"\nprinted = \"£363,500\"\n"
                                     "to = \"£1,000\"\n"),
                   "figures.toml:12: figure.total.to: £363,500 is not a whole number of £1,000"},
        BadFigures{"ToFinerThanPrinted",
                   shipped_paper("", "[[figure]]\nwhere = \"x\"\nwhat = \"rate\"\nservice = \"insurance\"\nprinted = \"£21\"\n"
                                     "to = \"£0.01\"\n"),
                   "figure.rate.to: finer than the figure is printed (£21)"},
        BadFigures{"RiseWithoutPercent",
                   shipped_paper("", "[[figure]]\nwhere = \"x\"\nwhat = \"rise\"\nservice = \"maternity\"\nprinted = \"9.6\"\n"),
                   "figures.toml:11: figure.rise.printed: a rise is a percentage: write it with %"},
        BadFigures{"PercentTooLargeForExactDecimals",
                   shipped_paper("", "[[figure]]\nwhere = \"x\"\nwhat = \"rise\"\nservice = \"maternity\"\n"
                                     "printed = \"9999999999999999999999999999999999999%\"\n"),
                   "figures.toml:11: figure.rise.printed: too large"},
        BadFigures{"RiseTooFineToComputeExactly",
                   shipped_paper("", "[[figure]]\nwhere = \"x\"\nwhat = \"rise\"\nservice = \"maternity\"\n"
                                     "printed = \"0.0000000000000000000000000001%\"\n"),
                   "figures.toml:7: printed: cannot be worked with exactly: more than 30 decimal places"},
        BadFigures{"TotalAsPercent",
                   shipped_paper("", "[[figure]]\nwhere = \"x\"\nwhat = \"total\"\nservice = \"maternity\"\nprinted = \"9.6%\"\n"),
                   "figure.total.printed: a total is not a percentage"},
        BadFigures{"UnknownYear",
                   shipped_paper("", "[[figure]]\nwhere = \"x\"\nwhat = \"rate\"\nservice = \"maternity\"\nyear = \"2023-24\"\n"
                                     "printed = \"£34.87\"\n"),
                   "figures.toml:11: year: \"2023-24\" is not the proposal's year (2025-26) or last year's (2024-25)"},
        BadFigures{"UnknownOption",
                   shipped_paper("", "[[figure]]\nwhere = \"x\"\nwhat = \"total\"\nservice = \"trade-union\"\noption = \"payrise\"\n"
                                     "printed = \"£51,700\"\n"),
                   "figures.toml:11: option: trade-union has no option \"payrise\" in the 2025-26 schedule (proposed, pay-rise)"},
        BadFigures{"FactorNeededWhereSeveralAreCharged",
                   shipped_paper("", "[[figure]]\nwhere = \"x\"\nwhat = \"rate\"\nservice = \"behaviour-support\"\nprinted = \"£5.00\"\n"),
                   "figures.toml:7: factor: behaviour-support charges 8 factors to primary (AWPU, FSM6, "},
        BadFigures{"FactorNotCharged",
                   shipped_paper("", "[[figure]]\nwhere = \"x\"\nwhat = \"total\"\nservice = \"insurance\"\nfactor = \"FSM\"\n"
                                     "printed = \"£1\"\n"),
                   "figures.toml:11: factor: insurance charges no FSM in 2025-26"},
        BadFigures{"PhaseNotCharged",
                   shipped_paper("", "[[figure]]\nwhere = \"x\"\nwhat = \"total\"\nservice = \"insurance\"\nphase = \"special\"\n"
                                     "printed = \"£1\"\n"),
                   "figures.toml:7: phase: insurance is not charged to special in 2025-26"},
        BadFigures{"LedgerYearMissing",
                   shipped_paper("", "[[figure]]\nwhere = \"x\"\nwhat = \"ledger\"\nservice = \"maternity\"\nyear = \"2022-23\"\n"
                                     "row = \"budget\"\nprinted = \"£1\"\n"),
                   "figures.toml:11: year: the maternity ledger has no year \"2022-23\" (2023-24, 2024-25, 2025-26)"},
        BadFigures{"NoLedgerForTheService",
                   shipped_paper("", "[[figure]]\nwhere = \"x\"\nwhat = \"ledger\"\nservice = \"insurance\"\nyear = \"2025-26\"\n"
                                     "row = \"budget\"\nprinted = \"£1\"\n"),
                   "figures.toml:10: service: no ledger for \"insurance\" (ledgers: maternity)"},
        BadFigures{"IntroductionNamesAnUnknownService", shipped_paper("introduction = [\"insurance\", \"trade-unoin\"]", kTotal),
                   "figures.toml:3: paper.introduction: no service \"trade-unoin\" in the 2025-26 schedule"},
        BadFigures{"ShippedBesideAFile",
                   "[paper]\ntitle = \"t\"\n[inputs]\nshipped = \"havering\"\ncensus = \"mine.csv\"\n" + kTotal,
                   "figures.toml:5: inputs.census: given beside shipped = \"havering\""},
        BadFigures{"NoRatesFile", "[paper]\ntitle = \"t\"\n[inputs]\ncensus = \"mine.csv\"\n" + kTotal,
                   "figures.toml:3: inputs.rates: missing"},
        BadFigures{"MissingInputFileNamedRelativeToTheFiguresFile",
                   "[paper]\ntitle = \"t\"\n[inputs]\ncensus = \"no-such.csv\"\nrates = \"no-such.toml\"\n" + kTotal, "no-such"},
        BadFigures{"CutWithoutLastYear",
                   "[paper]\ntitle = \"t\"\n[inputs]\ncensus = \"" + std::string(DEDELEG_TEST_DATA) + "/check/census.csv\"\n"
                   "rates = \"" + std::string(DEDELEG_TEST_DATA) + "/check/2025-26.toml\"\n"
                   "[[figure]]\nwhere = \"x\"\nwhat = \"cut\"\nservice = \"insurance\"\nprinted = \"£500\"\n",
                   "figures.toml:6: what: a cut compares with last year: name last year's schedule in [inputs] previous"},
        BadFigures{"NoFigures", "[paper]\ntitle = \"t\"\n[inputs]\nshipped = \"havering\"\n", "figures.toml:1: figure: no [[figure]] entries"},
        BadFigures{"NotToml", "[paper\n", "figures.toml:1: not valid TOML"}),
    [](const ::testing::TestParamInfo<BadFigures>& param) { return std::string(param.param.name); });

TEST(CheckBadInput, AMissingFiguresFileIsInvalidInputNamingIt) {
    const auto r = dedeleg("check --published no-such-figures.toml");
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_SHOWS(r.err, "no-such-figures.toml");
    EXPECT_EQ(r.out, "");
}

TEST(CheckBadInput, EveryProblemIsListedInOnePass) {
    const auto r = check_text(shipped_paper(
        "", "[[figure]]\nwhere = \"x\"\nwhat = \"total\"\nservice = \"insurence\"\nprinted = \"£1\"\n\n"
            "[[figure]]\nwhere = \"y\"\nwhat = \"rate\"\nservice = \"maternity\"\nyear = \"1999-00\"\nprinted = \"£1\"\n"));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_SHOWS(r.err, "service: no service \"insurence\"");
    EXPECT_SHOWS(r.err, "year: \"1999-00\" is not the proposal's year");
}

TEST(CheckHelp, TeachesWithAnExample) {
    const auto r = dedeleg("check --help");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_SHOWS(r.out, "dedeleg check --published rates/havering/published-2025-26.toml");
    EXPECT_SHOWS(r.out, "what = \"total\"");
}

}  // namespace
