// Every malformed input gets a one-line file:line error and exit 2, and no
// output file is left behind.
#include "cli_run.hpp"

#include <gtest/gtest.h>

namespace {

using testing_cli::dedeleg;

const std::string kCensusHeader = "URN,School,Phase,Governance,NOR,FSM\n";
const std::string kGoodCensus = kCensusHeader + "100001,A,primary,maintained,100,10\n";
const std::string kGoodRates = R"([schedule]
authority = "Test"
year = "2025-26"

[[service]]
id = "maternity"
name = "Maternity"
kind = "de-delegated"
phases = ["primary"]
rates = { AWPU = "40.49" }
)";

struct Bad {
    const char* name;
    std::string census;
    std::string rates;
    std::string expected;  // the whole stderr
};

TEST(CliErrors, OneLinePerProblemExitTwoAndNoOutputFile) {
    const Bad cases[] = {
        {"dup-urn", kGoodCensus + "100001,B,primary,maintained,10,1\n", kGoodRates,
         "c.csv:3: URN: URN 100001 already given on line 2\n"},
        {"bad-phase", kCensusHeader + "100001,A,junior,maintained,100,10\n", kGoodRates,
         "c.csv:2: Phase: unknown phase \"junior\" (primary, secondary, all-through, special, nursery, pru)\n"},
        {"count-above-nor", kCensusHeader + "100001,A,primary,maintained,100,101\n", kGoodRates,
         "c.csv:2: FSM: count 101 is above NOR 100\n"},
        {"not-a-number", kCensusHeader + "100001,A,primary,maintained,100,ten\n", kGoodRates,
         "c.csv:2: FSM: not a number: \"ten\"\n"},
        {"prop-range", "URN,Phase,Governance,NOR,FSM_prop\n1,primary,maintained,10,150%\n", kGoodRates,
         "c.csv:2: FSM_prop: proportion above 1 (100%): \"150%\"\n"},
        {"missing-column", "URN,Phase,NOR\n1,primary,10\n", kGoodRates, "c.csv:1: missing required column Governance\n"},
        {"exempt-unknown", "URN,Phase,Governance,NOR,Exempt\n1,primary,maintained,10,insurance\n", kGoodRates,
         "c.csv:2: Exempt: no service \"insurance\" in the 2025-26 schedule (maintenance)\n"},
        {"rate-places", kGoodCensus, kGoodRates.substr(0, kGoodRates.size() - 10) + "\"40.49123\" }\n",
         "r.toml:10: maternity.rates.AWPU: more than 4 decimal places: \"40.49123\"\n"},
        {"rate-factor", kGoodCensus, kGoodRates.substr(0, kGoodRates.size() - 20) + "{ PUPILS = \"40.49\" }\n",
         "r.toml:10: maternity.rates.PUPILS: unknown factor (AWPU, FSM, FSM6, EAL3, IDACI_A..IDACI_F, LPA, PLACE, LUMP)\n"},
        {"toml-syntax", kGoodCensus, "[schedule\n", ""},
    };
    for (const Bad& c : cases) {
        const auto dir = testing_cli::scratch(c.name);
        testing_cli::write(dir / "c.csv", c.census);
        std::string rates = c.rates;
        if (std::string(c.name) == "exempt-unknown") {
            // A schedule whose only service is not the one the census exempts.
            rates = kGoodRates;
            rates.replace(rates.find("\"maternity\""), 11, "\"maintenance\"");
        }
        testing_cli::write(dir / "r.toml", rates);
        for (const char* layout : {"wide", "long"}) {
            const auto r = dedeleg(std::string("calc --census c.csv --rates r.toml --out out.csv --layout ") + layout, dir);
            EXPECT_EQ(r.exit_code, 2) << c.name;
            if (!c.expected.empty()) EXPECT_EQ(r.err, c.expected) << c.name;
            else EXPECT_EQ(r.err.rfind("r.toml:1: not valid TOML: ", 0), 0u) << c.name << ": " << r.err;
            EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << c.name << ": one line";
            EXPECT_FALSE(std::filesystem::exists(dir / "out.csv")) << c.name;
            EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 2) << c.name << ": a temp file was left";
        }
        const auto v = dedeleg("validate --census c.csv --rates r.toml", dir);
        EXPECT_EQ(v.exit_code, 2) << c.name;
    }
}

TEST(CliErrors, AnOverflowingProductIsAnErrorNotAWrap) {
    const auto dir = testing_cli::scratch("overflow");
    // 10,000,000 pupils × a rate of 10^33 pounds does not fit in 38 digits.
    testing_cli::write(dir / "c.csv", kCensusHeader + "1,A,primary,maintained,10000000,0\n");
    std::string rates = kGoodRates;
    rates.replace(rates.find("\"40.49\""), 7, "\"1" + std::string(33, '0') + "\"");
    testing_cli::write(dir / "r.toml", rates);
    const auto r = dedeleg("calc --census c.csv --rates r.toml --out out.csv", dir);
    EXPECT_EQ(r.exit_code, 2);
    // Located: the census line, the service and factor, the school and the figures.
    EXPECT_EQ(r.err, "c.csv:2: maternity.AWPU: URN 1: rate 1" + std::string(33, '0') +
                         " × count 10000000 is too large: number too large for an exact decimal (over 38 digits)\n");
    EXPECT_FALSE(std::filesystem::exists(dir / "out.csv"));
}

TEST(CliErrors, AFailedRunKeepsThePreviousOutputFile) {
    const auto dir = testing_cli::scratch("keep");
    testing_cli::write(dir / "out.csv", "yesterday's figures\n");
    testing_cli::write(dir / "c.csv", kCensusHeader + "1,A,primary,maintained,x,1\n");
    const auto r = dedeleg("calc --census c.csv --out out.csv", dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(testing_cli::slurp(dir / "out.csv"), "yesterday's figures\n");
}

TEST(CliErrors, UsageErrorsExitOne) {
    EXPECT_EQ(dedeleg("").exit_code, 1);
    EXPECT_EQ(dedeleg("tables --format pdf").exit_code, 1);
    EXPECT_EQ(dedeleg("frobnicate").exit_code, 1);
    EXPECT_EQ(dedeleg("validate").exit_code, 1);
    // An empty path would mean "the shipped default": refused, never taken for it.
    const auto empty = dedeleg("calc --census ''");
    EXPECT_EQ(empty.exit_code, 1);
    EXPECT_NE(empty.err.find("an empty path; give a file"), std::string::npos) << empty.err;
}

// A shipped Havering default never fills in beside a file given for another
// LA: Havering's schools under a Devon heading, or a Devon proposal against
// Havering's rates, would be figures of no authority at all.
TEST(CliErrors, AShippedDefaultIsNeverMixedWithAGivenFile) {
    const auto dir = testing_cli::scratch("mixed");
    testing_cli::write(dir / "r.toml", kGoodRates);
    testing_cli::write(dir / "c.csv", kGoodCensus);
    const std::pair<std::string, std::string> cases[] = {
        {"calc --rates r.toml", "--census: not given, but --rates is (r.toml)"},
        {"tables --rates r.toml", "--census: not given, but --rates is (r.toml)"},
        {"paper --rates r.toml --out p", "--census: not given, but --rates is (r.toml)"},
        {"tables --previous r.toml", "--census: not given, but --previous is (r.toml)"},
        {"compare --to r.toml --census c.csv", "--from: not given, but --to is (r.toml)"},
        {"compare --from r.toml --census c.csv", "--to: not given, but --from is (r.toml)"},
        {"compare --from r.toml --to r.toml", "--census: not given, but --to is (r.toml)"},
    };
    for (const auto& [args, expected] : cases) {
        const auto r = dedeleg(args, dir);
        EXPECT_EQ(r.exit_code, 2) << args;
        EXPECT_EQ(r.err.substr(0, expected.size()), expected) << args << ": " << r.err;
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "p"));
    EXPECT_EQ(dedeleg("calc --rates r.toml --census c.csv", dir).exit_code, 0);
    EXPECT_EQ(dedeleg("compare --from r.toml --to r.toml --census c.csv", dir).exit_code, 0);
}

// validate says ok only once everything is checked, the two files together too.
TEST(CliErrors, ValidateNeverSaysOkBeforeAProblem) {
    const auto dir = testing_cli::scratch("validate-order");
    testing_cli::write(dir / "r.toml", kGoodRates);
    testing_cli::write(dir / "c.csv", kCensusHeader + "100001,A,primary,maintained,100,\n");
    const auto r = dedeleg("validate --census c.csv --rates r.toml", dir);
    EXPECT_EQ(r.exit_code, 0) << "no FSM rate: a blank FSM is fine";
    testing_cli::write(dir / "r2.toml", kGoodRates.substr(0, kGoodRates.size() - 20) + "{ FSM = \"40.49\" }\n");
    const auto bad = dedeleg("validate --census c.csv --rates r2.toml", dir);
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_EQ(bad.out, "") << "nothing called ok";
    EXPECT_NE(bad.err.find("c.csv:2: FSM: blank"), std::string::npos) << bad.err;
}

// A file that is missing, unreadable or a folder is bad input like any other:
// its path and what is wrong, exit 2, for every command and every kind of input.
TEST(CliErrors, AnInputThatCannotBeReadIsInvalidInputNamingIt) {
    const auto dir = testing_cli::scratch("unreadable");
    std::filesystem::create_directory(dir / "folder.csv");
    const std::pair<std::string, std::string> cases[] = {
        {"calc --census /no/such/file.csv", "/no/such/file.csv: cannot read: No such file or directory\n"},
        {"validate --census folder.csv", "folder.csv: is a folder, not a file\n"},
        {"tables --rates /no/such/r.toml", "/no/such/r.toml: cannot read: No such file or directory\n"},
        {"compare --from /no/such/a.toml --to /no/such/b.toml", "/no/such/a.toml: cannot read: No such file or directory\n"},
        {"ledger --ledger folder.csv", "folder.csv: is a folder, not a file\n"},
    };
    for (const auto& [args, expected] : cases) {
        const auto r = dedeleg(args, dir);
        EXPECT_EQ(r.exit_code, 2) << args;
        EXPECT_EQ(r.err, expected) << args;
    }
}

TEST(CliErrors, UnknownOptionChoiceIsInvalidInput) {
    const auto r = dedeleg("tables --option trade-union=double");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "--option: trade-union has no option \"double\" (proposed, pay-rise)\n");
}

TEST(CliErrors, HelpTeachesEachCommand) {
    for (const char* cmd : {"tables", "calc", "compare", "validate"}) {
        const auto r = dedeleg(std::string(cmd) + " --help");
        EXPECT_EQ(r.exit_code, 0) << cmd;
        EXPECT_NE(r.out.find("Example: dedeleg"), std::string::npos) << cmd;
    }
}

TEST(CliErrors, ValidateSaysOkForTheShippedFiles) {
    const auto r = dedeleg("validate --census '" DEDELEG_SOURCE_DIR "/census/samples/havering-2023.csv' --rates '" DEDELEG_SOURCE_DIR
                           "/rates/havering/2025-26.toml'");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("81 schools (40 maintained, 41 academies)"), std::string::npos) << r.out;
}

}  // namespace

namespace {

TEST(CliErrors, ABlankCountIsRefusedOnlyWhereAChargeNeedsIt) {
    const auto dir = testing_cli::scratch("blank");
    std::string rates = kGoodRates;
    rates.replace(rates.find("AWPU"), 4, "FSM");
    testing_cli::write(dir / "r.toml", rates);
    // A special school and an academy may leave FSM blank (or z): no charge needs it.
    testing_cli::write(dir / "ok.csv", kCensusHeader + "1,A,primary,maintained,100,10\n2,S,special,maintained,50,\n"
                                                       "3,Y,primary,academy,90,z\n");
    const auto ok = dedeleg("calc --census ok.csv --rates r.toml", dir);
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_NE(ok.out.find("1,,A,primary,404.90,404.90\n"), std::string::npos) << ok.out;
    // A maintained primary charged per FSM pupil needs its count.
    testing_cli::write(dir / "bad.csv", kCensusHeader + "1,A,primary,maintained,100,\n");
    for (const char* command : {"calc", "validate", "tables"}) {
        const auto bad = dedeleg(std::string(command) + " --census bad.csv --rates r.toml", dir);
        EXPECT_EQ(bad.exit_code, 2) << command;
        EXPECT_EQ(bad.err, "bad.csv:2: FSM: blank, but \"Maternity\" charges this maintained primary per FSM pupil\n") << command;
    }
}

}  // namespace
