// The second hostile corpus (issue 13): every case a hostile or careless user
// found is refused with exit 2 and a located message, or handled without
// harm; no input file is ever changed by a run; no output is left by a
// refused run; no temporary file outlives a killed run once the next run ends.
#include "cli_run.hpp"

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace {

namespace fs = std::filesystem;
using testing_cli::dedeleg;
using testing_cli::slurp;
using testing_cli::write;

const std::string kRates = DEDELEG_SOURCE_DIR "/rates/havering/2025-26.toml";
const std::string kPrevious = DEDELEG_SOURCE_DIR "/rates/havering/2024-25.toml";
const std::string kCensus = DEDELEG_SOURCE_DIR "/census/samples/havering-2023.csv";
const std::string kLedger = DEDELEG_SOURCE_DIR "/model/havering/maternity.toml";

// `dedeleg ARGS` with stdout going where `redirect` says (a shell redirection
// or a pipe); the exit code and stderr.
testing_cli::Run with_stdout(const std::string& args, const std::string& redirect) {
    const fs::path dir = testing_cli::scratch("stdout");
    const std::string err = dir.string() + ".stderr";
    const std::string command = "cd '" + dir.string() + "' && { '" DEDELEG_BIN "' " + args + " " + redirect + "; } 2>'" + err +
                                "'";
    testing_cli::Run r;
    const int status = std::system(("bash -o pipefail -c \"" + command + "\"").c_str());
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = slurp(err);
    fs::remove(err);
    return r;
}

// A folder holding copies of the shipped inputs, to check none is changed.
fs::path inputs_folder(const std::string& name) {
    const fs::path dir = testing_cli::scratch(name);
    fs::copy_file(kRates, dir / "r.toml");
    fs::copy_file(kPrevious, dir / "from.toml");
    fs::copy_file(kCensus, dir / "c.csv");
    fs::copy_file(kLedger, dir / "l.toml");
    return dir;
}

void expect_inputs_unchanged(const fs::path& dir) {
    EXPECT_EQ(slurp(dir / "r.toml"), slurp(kRates));
    EXPECT_EQ(slurp(dir / "from.toml"), slurp(kPrevious));
    EXPECT_EQ(slurp(dir / "c.csv"), slurp(kCensus));
    EXPECT_EQ(slurp(dir / "l.toml"), slurp(kLedger));
}

TEST(HostileOutput, AFullDiskOrClosedStdoutIsAnErrorNeverSuccess) {
    for (const char* cmd : {"calc", "calc --layout long", "tables", "tables --format json", "compare", "ledger",
                            "forecast --scenarios 100", "synth --schools 10", "validate --census '" DEDELEG_SOURCE_DIR
                            "/census/samples/havering-2023.csv'", "solve --uplift 5.5% --rate 2.80"}) {
        const auto full = with_stdout(cmd, ">/dev/full");
        EXPECT_EQ(full.exit_code, 2) << cmd;
        EXPECT_EQ(full.err.substr(full.err.size() - 55), "standard output: write failed: No space left on device\n") << cmd << full.err;
        const auto closed = with_stdout(cmd, ">&-");
        EXPECT_EQ(closed.exit_code, 2) << cmd;
        EXPECT_NE(closed.err.find("standard output: write failed: "), std::string::npos) << cmd << closed.err;
    }
}

TEST(HostileOutput, AnOutputNamingAnInputIsRefusedAndTheInputKept) {
    const fs::path dir = inputs_folder("out-is-input");
    fs::create_symlink("c.csv", dir / "census-link.csv");
    fs::create_hard_link(dir / "r.toml", dir / "hard.toml");
    struct Case {
        std::string args, out;
    } cases[] = {
        {"calc --census c.csv --rates r.toml", "c.csv"},
        {"calc --census c.csv --rates r.toml", "r.toml"},
        {"calc --census c.csv --rates r.toml", "census-link.csv"},
        {"calc --census c.csv --rates r.toml", "hard.toml"},
        {"calc --census c.csv --rates r.toml", "./sub/../r.toml"},
        {"tables --census c.csv --rates r.toml --previous from.toml", "from.toml"},
        {"compare --from from.toml --to r.toml --census c.csv", "from.toml"},
        {"compare --from from.toml --to r.toml --census c.csv", "r.toml"},
        {"ledger --ledger l.toml", "l.toml"},
        {"forecast --ledger l.toml --scenarios 10", "l.toml"},
    };
    fs::create_directory(dir / "sub");
    for (const Case& c : cases) {
        const auto r = dedeleg(c.args + " --out " + c.out, dir);
        EXPECT_EQ(r.exit_code, 2) << c.args << " --out " << c.out;
        EXPECT_EQ(r.err.rfind(c.out + ": is an input of this run (", 0), 0u) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        expect_inputs_unchanged(dir);
    }
    const auto chart = dedeleg("forecast --ledger l.toml --scenarios 10 --chart l.toml", dir);
    EXPECT_EQ(chart.exit_code, 2);
    expect_inputs_unchanged(dir);
    const auto both = dedeleg("forecast --scenarios 10 --chart x.md --out x.md", dir);
    EXPECT_EQ(both.err, "x.md: is also the --chart file; give each its own name\n");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), {}), 7) << "nothing written";
}

TEST(HostileOutput, FoldersDevicesAndReadOnlyFilesAreNotReplaced) {
    const fs::path dir = inputs_folder("out-kinds");
    fs::create_directory(dir / "adir");
    write(dir / "ro.csv", "keep me\n");
    ::chmod((dir / "ro.csv").c_str(), 0444);
    const auto folder = dedeleg("calc --out adir", dir);
    EXPECT_EQ(folder.exit_code, 2);
    EXPECT_EQ(folder.err, "adir: is a folder; give a file name\n");
    for (const char* device : {"/dev/null", "/dev/full", "/dev/stdout"}) {
        // /dev/stdout to a pipe; to a terminal it is a device; to a file, that file is written atomically.
        const auto r = with_stdout(std::string("calc --out ") + device, "| cat >/dev/null");
        EXPECT_EQ(r.exit_code, 2) << device;
        EXPECT_EQ(r.err, std::string(device) + ": is not a regular file (a device, FIFO or socket); dedeleg writes only regular files\n");
    }
    struct stat null_status {};
    ASSERT_EQ(::stat("/dev/null", &null_status), 0);
    EXPECT_TRUE(S_ISCHR(null_status.st_mode)) << "/dev/null is still a device";
    const auto ro = dedeleg("calc --out ro.csv", dir);
    EXPECT_EQ(ro.exit_code, 2);
    EXPECT_EQ(ro.err, "ro.csv: is read-only; it is left as it is (--force replaces it)\n");
    EXPECT_EQ(slurp(dir / "ro.csv"), "keep me\n");
    const auto forced = dedeleg("calc --out ro.csv --force", dir);
    EXPECT_EQ(forced.exit_code, 0) << forced.err;
    EXPECT_EQ(slurp(dir / "ro.csv").substr(0, 4), "URN,");
    struct stat ro_status {};
    ASSERT_EQ(::stat((dir / "ro.csv").c_str(), &ro_status), 0);
    EXPECT_EQ(ro_status.st_mode & 0777, 0444u) << "still read-only after --force";
}

TEST(HostileOutput, ALinkIsFollowedNotReplaced) {
    const fs::path dir = inputs_folder("out-link");
    write(dir / "real.csv", "old\n");
    fs::create_symlink("real.csv", dir / "out.csv");
    const auto r = dedeleg("calc --out out.csv", dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(fs::is_symlink(dir / "out.csv"));
    EXPECT_EQ(slurp(dir / "real.csv"), slurp(dir / "out.csv"));
    EXPECT_EQ(slurp(dir / "real.csv").substr(0, 4), "URN,");
}

TEST(HostileOutput, NoTemporaryFileOutlivesAKilledRunOnceTheNextRunEnds) {
    const fs::path dir = inputs_folder("killed");
    write(dir / "big.csv", "yesterday\n");
    // An earlier version's leftover of a dead process, and a run killed mid-write.
    write(dir / ".big.csv.2147483646.tmp", "partial");
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        if (::chdir(dir.c_str()) != 0) ::_exit(127);
        ::execl(DEDELEG_BIN, DEDELEG_BIN, "synth", "--schools", "400000", "--out", "big.csv", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    const std::string after_kill = slurp(dir / "big.csv");
    EXPECT_TRUE(after_kill == "yesterday\n" || after_kill.substr(0, 4) == "URN,") << "the old file or the whole new one";
    const auto next = dedeleg("synth --schools 10 --out big.csv", dir);
    EXPECT_EQ(next.exit_code, 0) << next.err;
    for (const auto& e : fs::directory_iterator(dir))
        EXPECT_NE(e.path().filename().string().front(), '.') << "left behind: " << e.path();
}


// ---- Inputs: names, identity, text and limits --------------------------------

const std::string kHeader = "URN,School,Phase,Governance,NOR,FSM\n";
const std::string kCensus1 = kHeader + "100001,A,primary,maintained,100,10\n";
// Line 10 is the rates line.
const std::string kSchedule = "[schedule]\nauthority = \"Test\"\nyear = \"2025-26\"\n\n[[service]]\nid = \"maternity\"\n"
                              "name = \"Maternity\"\nkind = \"de-delegated\"\nphases = [\"primary\"]\n"
                              "rates = { AWPU = \"40.49\" }\n";

std::string with(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    if (at == std::string::npos) throw std::logic_error("no " + from);
    return text.replace(at, from.size(), to);
}

struct BadInput {
    const char* name;
    std::string census;
    std::string rates;
    std::string first_line;  // the first line of stderr
};

// Each: exit 2, a located first line, no --out file, no temporary file, the inputs unchanged.
void expect_refused(const BadInput& c, const std::string& command = "calc --census c.csv --rates r.toml --out out.csv") {
    const fs::path dir = testing_cli::scratch(c.name);
    write(dir / "c.csv", c.census);
    write(dir / "r.toml", c.rates);
    const auto r = dedeleg(command, dir);
    EXPECT_EQ(r.exit_code, 2) << c.name;
    EXPECT_EQ(r.err.substr(0, r.err.find('\n') + 1), c.first_line + "\n") << c.name;
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), {}), 2) << c.name << ": an output or temporary file was left";
    EXPECT_EQ(slurp(dir / "c.csv"), c.census) << c.name;
    EXPECT_EQ(slurp(dir / "r.toml"), c.rates) << c.name;
    EXPECT_EQ(dedeleg("validate --census c.csv --rates r.toml", dir).exit_code, 2) << c.name;
}

TEST(HostileInput, NamesAreIdentifiersCaseCollisionsRefusedInEveryTable) {
    const std::string options = with(kSchedule, "rates = { AWPU = \"40.49\" }\n",
                                     "rates = { AWPU = \"2.80\" }\n[[service.option]]\nid = \"pay-rise\"\nlabel = \"A\"\n"
                                     "rates = { AWPU = \"2.96\" }\n[[service.option]]\nid = \"Pay-Rise\"\nlabel = \"B\"\n"
                                     "rates = { AWPU = \"3.00\" }\n");
    const BadInput cases[] = {
        {"rates-table", kCensus1, with(kSchedule, "{ AWPU = \"40.49\" }", "{ AWPU = \"40.49\", awpu = \"1.00\" }"),
         "r.toml:10: maternity.rates.awpu: AWPU given twice (names are not case-sensitive)"},
        {"derive-table", kCensus1,
         with(kSchedule, "{ AWPU = \"40.49\" }\n",
              "{ AWPU = \"2.96\" }\nderive = { AWPU = { uplift = \"5.5%\", from = \"2.80\" }, Awpu = { uplift = \"5.5%\", from = \"2.80\" } }\n"),
         "r.toml:11: maternity.derive.Awpu: AWPU given twice (names are not case-sensitive)"},
        {"phases", kCensus1, with(kSchedule, "[\"primary\"]", "[\"primary\", \"Primary\"]"),
         "r.toml:9: maternity.phases: primary given twice (names are not case-sensitive)"},
        {"option-ids", kCensus1, options, "r.toml:15: maternity.option.Pay-Rise.id: pay-rise given twice (names are not case-sensitive)"},
        {"csv-header", "URN,School,Phase,Governance,NOR,fsm,FSM\n1,A,primary,maintained,10,1,1\n", kSchedule,
         "c.csv:1: FSM: fsm given twice (names are not case-sensitive)"},
        {"exempt", "URN,Phase,Governance,NOR,Exempt\n1,primary,maintained,10,maternity;maternity\n", kSchedule,
         "c.csv:2: Exempt: \"maternity\" given twice"},
    };
    for (const BadInput& c : cases) expect_refused(c);
}

TEST(HostileInput, CensusIdentityAndText) {
    const BadInput cases[] = {
        {"urn-leading-zeros", kHeader + "7,A,primary,maintained,10,1\n007,B,primary,maintained,10,1\n", kSchedule,
         "c.csv:3: URN: \"007\" has leading zeros; write 7 (a URN is 1 to 99999999)"},
        {"urn-zero", kHeader + "0,A,primary,maintained,10,1\n", kSchedule,
         "c.csv:2: URN: URN 0 is not a school's (a URN is 1 to 99999999)"},
        {"urn-30-digits", kHeader + std::string(30, '9') + ",A,primary,maintained,10,1\n", kSchedule,
         "c.csv:2: URN: \"" + std::string(30, '9') + "\" is not a URN: more than 8 digits (a URN is 1 to 99999999)"},
        {"nul-in-name", kHeader + "1,A" + std::string(1, '\0') + "B,primary,maintained,10,1\n", kSchedule,
         "c.csv:2: School: control character U+0000 in the name; remove it"},
        {"escape-in-name", kHeader + "1,A\x1b[31mB,primary,maintained,10,1\n", kSchedule,
         "c.csv:2: School: control character U+001B in the name; remove it"},
        {"bidi-override", kHeader + "1,A\xE2\x80\xAE" "B,primary,maintained,10,1\n", kSchedule,
         "c.csv:2: School: control character U+202E in the name; remove it"},
        {"nul-in-toml-name", kCensus1, with(kSchedule, "\"Maternity\"", "\"Mat\\u0000ernity\""),
         "r.toml:7: maternity.name: control character U+0000 in the text; remove it"},
        {"nul-in-header", "URN,School\x01,Phase,Governance,NOR\n1,A,primary,maintained,10\n", kSchedule,
         "c.csv:1: School\\x01: unknown column (known: URN, LAESTAB, School, Phase, Governance, NOR, Places, FSM[_prop], "
         "FSM6[_prop], EAL3[_prop], IDACI_A[_prop], IDACI_B[_prop], IDACI_C[_prop], IDACI_D[_prop], IDACI_E[_prop], "
         "IDACI_F[_prop], LPA[_prop], Exempt)"},
    };
    for (const BadInput& c : cases) expect_refused(c);
}

TEST(HostileInput, LimitsWithLocations) {
    const std::string special = "URN,School,Phase,Governance,NOR,Places\n";
    const std::string place_rates = "[schedule]\nauthority = \"T\"\nyear = \"2025-26\"\n[[service]]\nid = \"duties\"\n"
                                    "name = \"Duties\"\nkind = \"education-function\"\nphases = [\"special\"]\n"
                                    "rates = { PLACE = \"45.00\" }\n";
    const BadInput cases[] = {
        {"places-28-digits", special + "1,S,special,maintained,100," + std::string(28, '9') + "\n", place_rates,
         "c.csv:2: Places: more than 10,000,000 places: \"" + std::string(28, '9') + "\""},
        {"nor-too-many", kHeader + "1,A,primary,maintained,10000001,1\n", kSchedule,
         "c.csv:2: NOR: more than 10,000,000 pupils: \"10000001\""},
        {"count-places", kHeader + "1,A,primary,maintained,100,1.1234567890123\n", kSchedule,
         "c.csv:2: FSM: more than 12 decimal places: \"1.1234567890123\""},
        {"rate-separator", kCensus1, with(kSchedule, "\"40.49\"", "\"40,490\""),
         "r.toml:10: maternity.rates.AWPU: a thousands separator in a per-pupil rate is ambiguous: \"40,490\": write 40490 or 40.490"},
        {"place-rate-separator", special + "1,S,special,maintained,100,100\n", with(place_rates, "\"45.00\"", "\"£1,045\""),
         "r.toml:9: duties.rates.PLACE: a thousands separator in a per-place rate is ambiguous: \"£1,045\": write £1045 or £1.045"},
        {"dotted-key-crash", kCensus1, std::string("a") + [] { std::string k; for (int i = 1; i < 32000; ++i) k += ".a"; return k; }() + " = 1\n",
         "r.toml:1: a dotted key of more than 16 parts (at most 16)"},
    };
    for (const BadInput& c : cases) expect_refused(c);

    // A thousands separator stays fine in a lump sum.
    const fs::path dir = testing_cli::scratch("lump");
    write(dir / "c.csv", kCensus1);
    write(dir / "r.toml", with(kSchedule, "{ AWPU = \"40.49\" }", "{ AWPU = \"40.49\", LUMP = \"£1,000\" }"));
    const auto lump = dedeleg("calc --census c.csv --rates r.toml", dir);
    EXPECT_EQ(lump.exit_code, 0) << lump.err;
    EXPECT_NE(lump.out.find("100001,,A,primary,5049.00,5049.00"), std::string::npos) << lump.out;

    // A ledger's per-pupil rate too, but not its spend.
    const fs::path ledger = testing_cli::scratch("ledger-rate");
    write(ledger / "l.toml", "[ledger]\nservice = \"m\"\nname = \"M\"\n[[year]]\nyear = \"2023-24\"\nrate = \"34,870\"\n"
                             "pupils = 17284\nspend = \"£528,751\"\n");
    const auto l = dedeleg("ledger --ledger l.toml", ledger);
    EXPECT_EQ(l.exit_code, 2);
    EXPECT_EQ(l.err, "l.toml:6: year.2023-24.rate: a thousands separator in a per-pupil rate is ambiguous: \"34,870\": write "
                     "34870 or 34.870\n");
}

TEST(HostileInput, ErrorsStopAtOneHundredWithOneSummaryLine) {
    std::string header = "URN,Phase,Governance,NOR";
    for (int i = 0; i < 10000; ++i) header += ",X" + std::to_string(i);
    const fs::path dir = testing_cli::scratch("many");
    write(dir / "c.csv", header + "\n");
    const auto r = dedeleg("validate --census c.csv", dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 101);
    EXPECT_EQ(r.err.substr(r.err.rfind('\n', r.err.size() - 2) + 1), "c.csv: stopped after 100 problems; fix these and run again\n");
    EXPECT_LT(r.err.size(), 40000u);
}

TEST(HostileOutput, NamesNeverShiftMarkdownColumnsAndCsvQuotesLineBreaks) {
    const fs::path dir = testing_cli::scratch("names");
    write(dir / "c.csv", kHeader + "1,\"A | B\",primary,maintained,100,10\n2,\"Two\nlines\",primary,maintained,100,10\n");
    write(dir / "r.toml", with(kSchedule, "\"Maternity\"", "\"Mat | ernity\""));
    const auto md = dedeleg("compare --census c.csv --from r.toml --to r.toml", dir);
    ASSERT_EQ(md.exit_code, 0) << md.err;
    std::istringstream lines(md.out);
    int rows = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("| ", 0) != 0) continue;
        std::size_t bars = 0;
        for (std::size_t i = 0; i < line.size(); ++i) bars += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
        EXPECT_EQ(bars, 8u) << line;  // 7 cells
        ++rows;
    }
    EXPECT_EQ(rows, 4);  // heading, two schools, total
    EXPECT_NE(md.out.find("| 1 | A \\| B |"), std::string::npos) << md.out;
    EXPECT_NE(md.out.find("| 2 | Two lines |"), std::string::npos) << md.out;
    const auto tables = dedeleg("tables --census c.csv --rates r.toml", dir);
    ASSERT_EQ(tables.exit_code, 0) << tables.err;
    EXPECT_NE(tables.out.find("### Mat \\| ernity"), std::string::npos);
    EXPECT_NE(tables.out.find("| Mat \\| ernity | de-delegated |"), std::string::npos) << tables.out;
    const auto csv = dedeleg("calc --census c.csv --rates r.toml", dir);
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_NE(csv.out.find("2,,\"Two\nlines\",primary,"), std::string::npos) << csv.out;
}


TEST(HostileInput, OverflowAnywhereIsLocated) {
    const fs::path dir = testing_cli::scratch("overflow-anywhere");
    write(dir / "d.toml", with(kSchedule, "rates = { AWPU = \"40.49\" }\n",
                               "rates = { AWPU = \"40.49\" }\nderive = { AWPU = { target = \"9" + std::string(37, '9') +
                                   "\", base = \"0.0001\" } }\n"));
    const auto derive = dedeleg("validate --rates d.toml", dir);
    EXPECT_EQ(derive.exit_code, 2);
    EXPECT_EQ(derive.err, "d.toml:11: maternity.derive.AWPU: the derivation's figures are too large: number too large for an "
                          "exact decimal (over 38 digits)\n");
    write(dir / "l.toml", "[ledger]\nservice = \"m\"\nname = \"M\"\n[[year]]\nyear = \"2023-24\"\nrate = \"34.87\"\n"
                          "pupils = 9000000000000000000\nspend = \"1\"\n");
    const auto ledger = dedeleg("ledger --ledger l.toml", dir);
    EXPECT_EQ(ledger.exit_code, 2);
    EXPECT_EQ(ledger.err, "l.toml:7: year.2023-24.pupils: more than 10,000,000 pupils\n");
}

}  // namespace
