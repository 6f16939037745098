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
