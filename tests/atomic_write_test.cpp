// io::write_atomically: the whole file or nothing, never through a planted
// link, never over an input, a folder, a device or a read-only file, and no
// temporary file of a dead process outlives the next write.
#include "calc/diagnostic.hpp"
#include "io/text_file.hpp"

#include <gtest/gtest.h>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace {

namespace fs = std::filesystem;

fs::path scratch() {
    std::string pattern = (fs::temp_directory_path() / "dedeleg-io-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    return pattern;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void put(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::string refusal(const fs::path& path, const io::WriteRules& rules = {}) {
    try {
        io::write_atomically(path.string(), [](std::ostream& out) { out << "new\n"; }, rules);
    } catch (const calc::InputError& e) {
        return e.diagnostics.front().to_string();
    }
    return "(written)";
}

std::size_t entries(const fs::path& dir) { return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), {})); }

// A PID that is certainly not running: a child that has exited and been reaped.
long dead_pid() {
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    ::waitpid(child, nullptr, 0);
    return child;
}

TEST(AtomicWrite, WritesAndReplacesKeepingPermissions) {
    const fs::path dir = scratch();
    EXPECT_EQ(refusal(dir / "out.csv"), "(written)");
    EXPECT_EQ(slurp(dir / "out.csv"), "new\n");
    put(dir / "kept.csv", "old\n");
    fs::permissions(dir / "kept.csv", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    EXPECT_EQ(refusal(dir / "kept.csv"), "(written)");
    EXPECT_EQ(slurp(dir / "kept.csv"), "new\n");
    EXPECT_EQ(fs::status(dir / "kept.csv").permissions(), fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    EXPECT_EQ(entries(dir), 2u) << "no temporary file is left";
}

TEST(AtomicWrite, AThrowingWriterLeavesTheOldFileAndNoTemporary) {
    const fs::path dir = scratch();
    put(dir / "out.csv", "yesterday\n");
    EXPECT_THROW(io::write_atomically((dir / "out.csv").string(), [](std::ostream& out) {
        out << std::string(200000, 'x');  // past the buffer: bytes reach the temporary file
        throw std::runtime_error("half way");
    }), std::runtime_error);
    EXPECT_EQ(slurp(dir / "out.csv"), "yesterday\n");
    EXPECT_EQ(entries(dir), 1u);
}

TEST(AtomicWrite, RefusesFoldersDevicesFifosAndMissingFolders) {
    const fs::path dir = scratch();
    fs::create_directory(dir / "adir");
    EXPECT_EQ(refusal(dir / "adir"), (dir / "adir").string() + ": is a folder; give a file name");
    EXPECT_EQ(refusal("/dev/null"), "/dev/null: is not a regular file (a device, FIFO or socket); dedeleg writes only regular files");
    ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
    EXPECT_EQ(refusal(dir / "fifo"), (dir / "fifo").string() + ": is not a regular file (a device, FIFO or socket); dedeleg writes only regular files");
    EXPECT_EQ(fs::status(dir / "fifo").type(), fs::file_type::fifo);
    const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string socket_path = (dir / "sock").string();
    ASSERT_LT(socket_path.size(), sizeof address.sun_path);
    std::copy(socket_path.begin(), socket_path.end(), address.sun_path);
    ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    EXPECT_EQ(refusal(dir / "sock"), socket_path + ": is not a regular file (a device, FIFO or socket); dedeleg writes only regular files");
    ::close(sock);
    EXPECT_EQ(refusal(dir / "no" / "out.csv"), (dir / "no/out.csv").string() + ": the folder " + (dir / "no").string() + " does not exist");
}

TEST(AtomicWrite, ReadOnlyFilesAreKeptUnlessForced) {
    const fs::path dir = scratch();
    put(dir / "ro.csv", "old\n");
    fs::permissions(dir / "ro.csv", fs::perms::owner_read | fs::perms::group_read);
    EXPECT_EQ(refusal(dir / "ro.csv"), (dir / "ro.csv").string() + ": is read-only; it is left as it is (--force replaces it)");
    EXPECT_EQ(slurp(dir / "ro.csv"), "old\n");
    EXPECT_EQ(refusal(dir / "ro.csv", {true, {}}), "(written)");
    EXPECT_EQ(slurp(dir / "ro.csv"), "new\n");
    EXPECT_EQ(fs::status(dir / "ro.csv").permissions(), fs::perms::owner_read | fs::perms::group_read) << "still read-only";
}

TEST(AtomicWrite, InputsAreRefusedByAnyNameLinkOrHardLink) {
    const fs::path dir = scratch();
    put(dir / "census.csv", "input\n");
    fs::create_symlink("census.csv", dir / "link.csv");
    fs::create_hard_link(dir / "census.csv", dir / "hard.csv");
    const io::WriteRules rules{false, {(dir / "census.csv").string()}};
    const std::string why = ": is an input of this run (" + (dir / "census.csv").string() + "); writing it would destroy it";
    EXPECT_EQ(refusal(dir / "census.csv", rules), (dir / "census.csv").string() + why);
    EXPECT_EQ(refusal(dir / "link.csv", rules), (dir / "link.csv").string() + why);
    EXPECT_EQ(refusal(dir / "hard.csv", rules), (dir / "hard.csv").string() + why);
    EXPECT_EQ(refusal(dir / "." / "census.csv", rules), (dir / "./census.csv").string() + why);
    EXPECT_EQ(slurp(dir / "census.csv"), "input\n");
    EXPECT_TRUE(fs::is_symlink(dir / "link.csv"));
}

TEST(AtomicWrite, FilesReadAreRemembered) {
    const fs::path dir = scratch();
    put(dir / "in.toml", "x = 1\n");
    EXPECT_EQ(io::read_text_file((dir / "in.toml").string()), "x = 1\n");
    const auto read = io::files_read();
    EXPECT_NE(std::find(read.begin(), read.end(), (dir / "in.toml").string()), read.end());
    EXPECT_EQ(refusal(dir / "in.toml", {false, io::files_read()}).find("is an input of this run"), (dir / "in.toml").string().size() + 2);
}

TEST(AtomicWrite, ASymlinkIsFollowedAndItsTargetReplaced) {
    const fs::path dir = scratch();
    fs::create_directory(dir / "real");
    put(dir / "real" / "out.csv", "old\n");
    fs::create_symlink("real/out.csv", dir / "link.csv");
    fs::create_symlink("link.csv", dir / "link2.csv");
    fs::create_symlink("real/new.csv", dir / "dangling.csv");
    EXPECT_EQ(io::resolve_output_path((dir / "link2.csv").string()), dir / "real/out.csv");
    EXPECT_EQ(refusal(dir / "link2.csv"), "(written)");
    EXPECT_TRUE(fs::is_symlink(dir / "link.csv"));
    EXPECT_TRUE(fs::is_symlink(dir / "link2.csv"));
    EXPECT_EQ(slurp(dir / "real" / "out.csv"), "new\n");
    EXPECT_EQ(refusal(dir / "dangling.csv"), "(written)");
    EXPECT_EQ(slurp(dir / "real" / "new.csv"), "new\n");
    EXPECT_TRUE(fs::is_symlink(dir / "dangling.csv"));
    fs::create_symlink("loop.csv", dir / "loop.csv");
    EXPECT_EQ(refusal(dir / "loop.csv"), (dir / "loop.csv").string() + ": more than 40 levels of links (a loop?)");
}

TEST(AtomicWrite, APlantedLinkAtTheOldPredictableNameIsNeverFollowed) {
    const fs::path dir = scratch();
    put(dir / "victim", "precious\n");
    // Versions before issue 13 wrote .out.csv.PID.tmp: plant a link there.
    fs::create_symlink(dir / "victim", dir / (".out.csv." + std::to_string(::getpid()) + ".tmp"));
    EXPECT_EQ(refusal(dir / "out.csv"), "(written)");
    EXPECT_EQ(slurp(dir / "victim"), "precious\n");
    EXPECT_EQ(slurp(dir / "out.csv"), "new\n");
}

TEST(AtomicWrite, TemporaryFilesOfDeadProcessesAreRemovedByTheNextWrite) {
    const fs::path dir = scratch();
    const std::string dead = std::to_string(dead_pid());
    const std::string alive = std::to_string(::getppid());
    put(dir / (".out.csv." + dead + ".tmp"), "old style");                 // an older version's kill -9
    put(dir / (".rec.toml." + dead + ".tmp"), "other target, old style");  // only its own target's
    put(dir / (".other.csv.dedeleg-" + dead + "-AbC123.tmp"), "ours, any target");
    put(dir / (".out.csv.dedeleg-" + alive + "-AbC123.tmp"), "a running process's");
    put(dir / ".out.csv.notapid.tmp", "not ours");
    EXPECT_EQ(refusal(dir / "out.csv"), "(written)");
    EXPECT_FALSE(fs::exists(dir / (".out.csv." + dead + ".tmp")));
    EXPECT_FALSE(fs::exists(dir / (".other.csv.dedeleg-" + dead + "-AbC123.tmp")));
    EXPECT_TRUE(fs::exists(dir / (".rec.toml." + dead + ".tmp")));
    EXPECT_TRUE(fs::exists(dir / (".out.csv.dedeleg-" + alive + "-AbC123.tmp")));
    EXPECT_TRUE(fs::exists(dir / ".out.csv.notapid.tmp"));
    EXPECT_EQ(io::remove_stale_temporary_files(dir, "rec.toml"), 1u);
    EXPECT_FALSE(fs::exists(dir / (".rec.toml." + dead + ".tmp")));
}

TEST(AtomicWrite, ThreadsWritingDifferentTargetsDoNotMeet) {
    const fs::path dir = scratch();
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 25; ++i)
                io::write_atomically((dir / ("f" + std::to_string(t))).string(), [&](std::ostream& out) { out << t << ':' << i; });
        });
    for (auto& th : threads) th.join();
    for (int t = 0; t < 4; ++t) EXPECT_EQ(slurp(dir / ("f" + std::to_string(t))), std::to_string(t) + ":24");
    EXPECT_EQ(entries(dir), 4u);
}

TEST(ReadTextFile, BoundsAndKinds) {
    const fs::path dir = scratch();
    put(dir / "big", std::string(100, 'x'));
    auto refusal_of = [](const fs::path& p, io::ReadOptions o) {
        try {
            io::read_text_file(p.string(), o);
        } catch (const calc::InputError& e) {
            return e.diagnostics.front().to_string();
        }
        return std::string("(read)");
    };
    EXPECT_EQ(refusal_of(dir / "big", {100, false}), "(read)");
    EXPECT_EQ(refusal_of(dir / "big", {99, false}), (dir / "big").string() + ": larger than 99 bytes");
    EXPECT_EQ(refusal_of(dir, {}), dir.string() + ": is a folder, not a file");
    ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
    // Refused at once, never waiting for a writer.
    EXPECT_EQ(refusal_of(dir / "fifo", {1 << 20, true}), (dir / "fifo").string() + ": is not a regular file (a device, FIFO or socket)");
}

TEST(KeepAside, MovesAnyKindOfFileWithoutReplacingAnything) {
    const fs::path dir = scratch();
    put(dir / "rec.toml", "damaged");
    const std::string first = io::keep_aside((dir / "rec.toml").string());
    EXPECT_FALSE(fs::exists(dir / "rec.toml"));
    EXPECT_EQ(first.rfind((dir / "rec.toml.unreadable-").string(), 0), 0u) << first;
    EXPECT_EQ(slurp(first), "damaged");
    put(dir / "rec.toml", "damaged again");
    const std::string second = io::keep_aside((dir / "rec.toml").string());
    EXPECT_NE(second, first);
    EXPECT_EQ(slurp(first), "damaged") << "an earlier copy is never replaced";
    EXPECT_EQ(slurp(second), "damaged again");
    ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
    EXPECT_EQ(fs::status(io::keep_aside((dir / "fifo").string(), "not-a-file")).type(), fs::file_type::fifo);
    EXPECT_THROW(io::keep_aside((dir / "missing").string()), calc::InputError);
}

// A --recovery-file that names the census was renamed to census.csv.unreadable-<time>: an input is never moved,
// under any spelling of it.
TEST(KeepAside, NeverMovesAnInputHoweverItIsNamed) {
    const fs::path dir = scratch();
    fs::create_directories(dir / "sub");
    put(dir / "census.csv", "URN,NOR\n");
    fs::create_symlink(dir / "census.csv", dir / "link.csv");
    ASSERT_EQ(::link((dir / "census.csv").c_str(), (dir / "hard.csv").c_str()), 0);
    const std::vector<std::string> inputs = {(dir / "census.csv").string()};
    for (const fs::path& named : {dir / "census.csv", dir / "sub" / ".." / "census.csv", dir / "link.csv", dir / "hard.csv"}) {
        try {
            io::keep_aside(named.string(), "unreadable", inputs);
            ADD_FAILURE() << named << " was moved aside";
        } catch (const calc::InputError& e) {
            EXPECT_NE(e.diagnostics.front().message.find("is an input of this run (" + inputs[0] + ")"), std::string::npos)
                << e.diagnostics.front().to_string();
        }
        EXPECT_TRUE(fs::exists(named)) << named;
    }
    EXPECT_EQ(slurp(dir / "census.csv"), "URN,NOR\n");
    EXPECT_EQ(io::input_named_by((dir / "sub" / ".." / "link.csv").string(), inputs), inputs[0]);
    EXPECT_EQ(io::input_named_by((dir / "other.csv").string(), inputs), "");
}

}  // namespace
