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

#include <chrono>
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

}  // namespace
