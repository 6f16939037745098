// The census contract (issue 18): the columns a census must have are the
// factors the schedule charges, and every command holds a census to that one
// rule — validate, calc, tables, paper, compare and the live session alike. A
// column the census lacks is refused at the header, naming each service that
// needs it; it is never charged as 0.
#include "cli_run.hpp"

#include "app/live_session.hpp"
#include "calc/diagnostic.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using testing_cli::dedeleg;
using testing_cli::slurp;
using testing_cli::write;

const std::string kRates = DEDELEG_SOURCE_DIR "/rates/havering/2025-26.toml";
const std::string kPrevious = DEDELEG_SOURCE_DIR "/rates/havering/2024-25.toml";
const std::string kCensus = DEDELEG_SOURCE_DIR "/census/samples/havering-2023.csv";
const std::string kDevonCensus = DEDELEG_TEST_DATA "/devon/census-878.csv";
const std::string kDevonRates = DEDELEG_TEST_DATA "/devon/2025-26.toml";
const std::string kDevonPrevious = DEDELEG_TEST_DATA "/devon/2024-25.toml";

// `census` with the column `drop` taken out of every row (no line breaks inside quotes in these files).
std::string without_column(const std::string& census, const std::string& drop) {
    std::istringstream in(slurp(census));
    std::string line, out;
    long index = -1;
    while (std::getline(in, line)) {
        std::vector<std::string> fields(1);
        bool quoted = false;
        for (char ch : line) {  // fields as written, quotes kept ("a, b" stays one field)
            if (ch == '"') quoted = !quoted;
            if (ch == ',' && !quoted) fields.emplace_back();
            else fields.back() += ch;
        }
        if (index < 0)
            for (std::size_t i = 0; i < fields.size(); ++i)
                if (fields[i] == drop) index = static_cast<long>(i);
        if (index < 0) throw std::runtime_error("no column " + drop);
        bool first = true;
        for (std::size_t i = 0; i < fields.size(); ++i)
            if (static_cast<long>(i) != index) {
                out += (first ? "" : ",") + fields[i];
                first = false;
            }
        out += "\n";
    }
    return out;
}

struct Case {
    std::string census;    // the census file, a column short
    std::string args;      // --rates ... for this LA
    std::string previous;  // --previous ... for tables and paper
    std::string compare;   // --from ... --to ... for this LA
    std::string expected;  // the header problem every command prints
};

void expect_refused_everywhere(const Case& c) {
    const fs::path dir = testing_cli::scratch("contract");
    for (const std::string& command : std::vector<std::string>
         {"validate --census " + c.census + " " + c.args, "calc --census " + c.census + " " + c.args,
          "tables --census " + c.census + " " + c.args + " " + c.previous,
          "paper --out p --census " + c.census + " " + c.args + " " + c.previous,
          "compare --census " + c.census + " " + c.compare, "improvement --census " + c.census + " " + c.args}) {
        const auto r = dedeleg(command, dir);
        EXPECT_EQ(r.exit_code, 2) << command << "\n" << r.err;
        EXPECT_NE(r.err.find(c.expected), std::string::npos) << command << "\n" << r.err;
        EXPECT_EQ(r.out.find("ok"), std::string::npos) << command << " said ok:\n" << r.out;
    }
    EXPECT_FALSE(fs::exists(dir / "p"));
}

TEST(CensusContract, HaveringWithoutItsFsmColumnIsRefusedByEveryCommand) {
    const fs::path dir = testing_cli::scratch("havering-no-fsm");
    const fs::path census = dir / "c.csv";
    write(census, without_column(kCensus, "FSM_prop"));
    expect_refused_everywhere(
        {census.string(), "--rates " + kRates, "--previous " + kPrevious, "--from " + kPrevious + " --to " + kRates,
         census.string() + ":1: FSM: no such column in the census, but \"Free school meals eligibility checking\" charges maintained primary schools per FSM pupil"});
}

TEST(CensusContract, HaveringWithoutPlacesIsRefusedWhereEducationFunctionsChargeSpecialSchools) {
    const fs::path dir = testing_cli::scratch("havering-no-places");
    const fs::path census = dir / "c.csv";
    write(census, without_column(kCensus, "Places"));
    expect_refused_everywhere({census.string(), "--rates " + kRates, "--previous " + kPrevious, "--from " + kPrevious + " --to " + kRates,
                               census.string() + ":1: Places: no such column in the census, but "});
}

TEST(CensusContract, DevonWithoutItsFsmColumnIsRefusedByEveryCommand) {
    // Devon-style: FSM at £6.255 primary (and £6.10 secondary, which this primaries-only cut has none of).
    const fs::path dir = testing_cli::scratch("devon-no-fsm");
    const fs::path census = dir / "c.csv";
    write(census, without_column(kDevonCensus, "FSM_prop"));
    expect_refused_everywhere({census.string(), "--rates " + kDevonRates, "--previous " + kDevonPrevious,
                               "--from " + kDevonPrevious + " --to " + kDevonRates,
                               census.string() + ":1: FSM: no such column in the census, but "});
}

TEST(CensusContract, TheLiveSessionRefusesTheSameCensus) {
    const fs::path dir = testing_cli::scratch("live-no-fsm");
    const fs::path census = dir / "c.csv";
    write(census, without_column(kCensus, "FSM_prop"));
    app::LiveSpec spec;
    spec.inputs.census = census.string();
    spec.inputs.rates = kRates;
    spec.baseline = kPrevious;
    spec.autosave = false;
    try {
        app::open_live_session(spec);
        ADD_FAILURE() << "the live session charged a missing FSM column as 0";
    } catch (const calc::InputError& e) {
        EXPECT_EQ(e.diagnostics.front().column, "FSM");
        EXPECT_EQ(e.diagnostics.front().line, 1);
    }
}

TEST(CensusContract, AColumnNoChargeNeedsMayBeLeftOut) {
    // Havering 2025-26 charges no IDACI F: a census without it is fine.
    const fs::path dir = testing_cli::scratch("havering-no-idaci-f");
    const fs::path census = dir / "c.csv";
    write(census, without_column(kCensus, "IDACI_F_prop"));
    const auto r = dedeleg("validate --census " + census.string() + " --rates " + kRates, dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(dedeleg("calc --census " + census.string() + " --rates " + kRates, dir).out,
              dedeleg("calc --census " + kCensus + " --rates " + kRates, dir).out);
}

TEST(CensusContract, OneRuleForExemptionsInEveryCommand) {
    // An exemption from a service new this year: tables and paper accepted it
    // while compare refused it (it checked last year's schedule alone too).
    // Now every command accepts an id of either schedule and refuses one of neither.
    const fs::path dir = testing_cli::scratch("exempt");
    std::string census = slurp(kCensus);
    const std::string first_school = "102268,";
    const std::size_t at = census.find(first_school);
    const std::size_t end = census.find('\n', at);
    ASSERT_EQ(census[end - 1], ',');  // an empty Exempt cell
    write(dir / "new.csv", census.substr(0, end) + "licences" + census.substr(end));
    write(dir / "typo.csv", census.substr(0, end) + "insurence" + census.substr(end));
    write(dir / "r.toml", slurp(kRates) + "\n[[service]]\nid = \"licences\"\nname = \"Licences\"\n"
                                         "kind = \"de-delegated\"\nphases = [\"primary\"]\nrates = { AWPU = \"1.00\" }\n");
    const std::string both = " --rates r.toml --previous " + kPrevious;
    const std::string pair = " --from " + kPrevious + " --to r.toml";
    for (const std::string& command : std::vector<std::string>
         {"validate --census new.csv --rates r.toml", "calc --census new.csv --rates r.toml",
          "tables --census new.csv" + both, "compare --census new.csv" + pair}) {
        const auto r = dedeleg(command, dir);
        EXPECT_EQ(r.exit_code, 0) << command << "\n" << r.err;
    }
    for (const std::string& command : std::vector<std::string>
         {"validate --census typo.csv --rates r.toml", "calc --census typo.csv --rates r.toml",
          "tables --census typo.csv" + both, "compare --census typo.csv" + pair}) {
        const auto r = dedeleg(command, dir);
        EXPECT_EQ(r.exit_code, 2) << command;
        EXPECT_NE(r.err.find("typo.csv:2: Exempt: no service \"insurence\""), std::string::npos) << command << "\n" << r.err;
    }
}

}  // namespace

namespace {

TEST(CensusContract, ValidateChecksTheTwoScheduleRunItIsAskedAbout) {
    // An exemption from a service only last year had: tables accepts it (with
    // --previous); validate could not be told of last year's schedule and refused it.
    const fs::path dir = testing_cli::scratch("exempt-old");
    std::string census = slurp(kCensus);
    const std::size_t end = census.find('\n', census.find("102268,"));
    write(dir / "c.csv", census.substr(0, end) + "licences" + census.substr(end));
    write(dir / "last.toml", slurp(kPrevious) + "\n[[service]]\nid = \"licences\"\nname = \"Licences\"\n"
                                                "kind = \"de-delegated\"\nphases = [\"primary\"]\nrates = { AWPU = \"1.00\" }\n");
    EXPECT_EQ(dedeleg("tables --census c.csv --rates " + kRates + " --previous last.toml", dir).exit_code, 0);
    const auto both = dedeleg("validate --census c.csv --rates " + kRates + " --previous last.toml", dir);
    EXPECT_EQ(both.exit_code, 0) << both.err;
    EXPECT_NE(both.out.find("either schedule"), std::string::npos) << both.out;
    const auto one = dedeleg("validate --census c.csv --rates " + kRates, dir);
    EXPECT_EQ(one.exit_code, 2);
    EXPECT_NE(one.err.find("c.csv:2: Exempt: no service \"licences\""), std::string::npos) << one.err;
}

TEST(CensusContract, EveryAbsentColumnIsNamedInOneRun) {
    // Each service's first missing factor only: the columns came one run at a time.
    const fs::path dir = testing_cli::scratch("no-props");
    std::string text = slurp(kCensus);
    for (const char* column : {"FSM_prop", "FSM6_prop", "EAL3_prop", "IDACI_A_prop", "IDACI_B_prop", "IDACI_C_prop",
                               "IDACI_D_prop", "IDACI_E_prop", "IDACI_F_prop", "LPA_prop"}) {
        write(dir / "c.csv", text);
        text = without_column((dir / "c.csv").string(), column);
    }
    write(dir / "c.csv", text);
    const auto r = dedeleg("validate --census c.csv --rates " + kRates, dir);
    EXPECT_EQ(r.exit_code, 2);
    // Havering 2025-26 charges FSM, FSM6, EAL3, IDACI A-E and LPA (behaviour support); not IDACI F.
    for (const char* column : {"FSM", "FSM6", "EAL3", "IDACI_A", "IDACI_B", "IDACI_C", "IDACI_D", "IDACI_E", "LPA"})
        EXPECT_NE(r.err.find("c.csv:1: " + std::string(column) + ": no such column"), std::string::npos) << column << "\n" << r.err;
    EXPECT_EQ(r.err.find("IDACI_F"), std::string::npos) << r.err;
}

TEST(CensusContract, ABudgetFirstBasisColumnIsNeededThoughItsRateIsNotYetKnown) {
    // The hostile review: a budget spread over FSM pupils, on a census with no
    // FSM column, was a rate of £0 (nothing to spread over) and so "needed no count".
    const fs::path dir = testing_cli::scratch("budget-no-fsm");
    write(dir / "b.toml", "[schedule]\nauthority = \"Test\"\nyear = \"2025-26\"\n[[service]]\nid = \"fsmcheck\"\n"
                          "name = \"FSM checking\"\nkind = \"de-delegated\"\nphases = [\"primary\"]\nbudget = \"£10,000\"\n"
                          "basis = \"FSM\"\n");
    write(dir / "c.csv", "URN,School,Phase,Governance,NOR\n1,A,primary,maintained,100\n2,B,primary,maintained,200\n");
    write(dir / "x.csv", "URN,School,Phase,Governance,NOR,FSM\n1,A,primary,maintained,100,x\n2,B,primary,maintained,200,9\n");
    for (const std::string& command : std::vector<std::string>{"validate --census c.csv --rates b.toml",
                                                               "calc --census c.csv --rates b.toml",
                                                               "tables --census c.csv --rates b.toml"}) {
        const auto r = dedeleg(command, dir);
        EXPECT_EQ(r.exit_code, 2) << command;
        EXPECT_NE(r.err.find("c.csv:1: FSM: no such column in the census, but \"FSM checking\""), std::string::npos)
            << command << "\n" << r.err;
    }
    const auto x = dedeleg("calc --census x.csv --rates b.toml", dir);
    EXPECT_EQ(x.exit_code, 2);
    EXPECT_NE(x.err.find("x.csv:2: FSM: \"x\" (not available), but \"FSM checking\""), std::string::npos) << x.err;
}

TEST(CensusContract, ImprovementNeedsThePlacesOfTheSpecialSchoolsItPrices) {
    // With no service of the schedule to take the base from, the framework's
    // own base (pupils + 3 × places) read a missing Places as 0 places.
    const fs::path dir = testing_cli::scratch("improvement-no-places");
    write(dir / "p.csv", without_column(kCensus, "Places"));
    write(dir / "c.csv", without_column((dir / "p.csv").string(), "Exempt"));  // its ids are of Havering's schedule
    const std::string nospecial = DEDELEG_TEST_DATA "/devon-fsm-6.255.toml";
    const auto r = dedeleg("solve --framework havering-2025 --census c.csv --rates " + nospecial, dir);
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_NE(r.err.find(": Places: no such column in the census, but this maintained special school is priced"),
              std::string::npos) << r.err;
}

}  // namespace
