// io::write_folder_atomically: a folder of outputs whole or not at all, and
// --force replaces only a folder dedeleg wrote, never the home folder, "/" or
// where the user stands; a killed run's temporary folder is cleaned or named.
#include "calc/diagnostic.hpp"
#include "io/atomic_folder.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace {

namespace fs = std::filesystem;

fs::path scratch() {
    std::string pattern = (fs::temp_directory_path() / "dedeleg-folder-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    return fs::canonical(pattern);
}

// Writes `dir` holding a.txt; the refusal's text, or "(written)".
std::string write(const fs::path& dir, bool force, io::FolderWritten* written = nullptr) {
    try {
        const io::FolderWritten w = io::write_folder_atomically(
            dir.string(), {"a.txt"}, [](const fs::path& folder) { std::ofstream(folder / "a.txt") << "a\n"; }, force, {});
        if (written) *written = w;
    } catch (const calc::InputError& e) {
        return e.diagnostics.front().to_string();
    }
    return "(written)";
}

// HOME set for one scope.
class Home {
public:
    explicit Home(const fs::path& home) : old_(std::getenv("HOME") ? std::getenv("HOME") : "") { ::setenv("HOME", home.c_str(), 1); }
    ~Home() { ::setenv("HOME", old_.c_str(), 1); }

private:
    std::string old_;
};

TEST(AtomicFolder, TheHomeFolderIsNeverReplaced) {
    const fs::path dir = scratch();
    ASSERT_EQ(write(dir / "out", false), "(written)");
    ASSERT_EQ(write(dir / "out", true), "(written)");  // an earlier output: replaced
    {
        const Home home(dir / "out");
        EXPECT_EQ(write(dir / "out", true),
                  (dir / "out").string() + ": is your home folder; --force never replaces it. Give a new folder's name, e.g. --out paper");
    }
    {
        const Home home(dir / "out" / "inside");
        EXPECT_EQ(write(dir / "out", true), (dir / "out").string() +
                                                ": holds your home folder; --force never replaces it. Give a new folder's name, "
                                                "e.g. --out paper");
    }
    EXPECT_TRUE(fs::exists(dir / "out" / "a.txt"));
    EXPECT_EQ(write("/", true), "/: give a new folder's name, e.g. --out paper");
    fs::remove_all(dir);
}

TEST(AtomicFolder, AFileTheWriterDidNotListIsABugAndLeavesNothing) {
    const fs::path dir = scratch();
    EXPECT_THROW(io::write_folder_atomically(
                     (dir / "out").string(), {"a.txt"},
                     [](const fs::path& folder) { std::ofstream(folder / "b.txt") << "b\n"; }, false, {}),
                 std::logic_error);
    EXPECT_TRUE(fs::is_empty(dir));
    fs::remove_all(dir);
}

TEST(AtomicFolder, ARunningProcesssTemporaryFolderIsLeftAndNamed) {
    const fs::path dir = scratch();
    const fs::path running = dir / (".out.dedeleg-" + std::to_string(::getpid()) + "-0badc0de.tmp");
    fs::create_directory(running);
    io::FolderWritten written;
    ASSERT_EQ(write(dir / "out", false, &written), "(written)");
    EXPECT_TRUE(fs::exists(running));
    ASSERT_EQ(written.notes.size(), 1u);
    EXPECT_EQ(written.notes[0], running.string() + ": a temporary folder of process " + std::to_string(::getpid()) +
                                    ", still running, is left alone (if no dedeleg is running, remove it yourself)");
    fs::remove_all(dir);
}

}  // namespace

namespace {

TEST(AtomicFolder, AFileEditedWhileTheRunWritesIsKeptNotDeleted) {
    // The hostile review: `paper --force` checked the earlier folder before the
    // run and deleted its files by name after the swap, so an edit saved into
    // paper.xlsx while the paper was being made was lost, exit 0.
    const fs::path dir = scratch();
    ASSERT_EQ(write(dir / "out", false), "(written)");
    const io::FolderWritten w = io::write_folder_atomically(
        (dir / "out").string(), {"a.txt"},
        [&](const fs::path& folder) {
            std::ofstream(dir / "out" / "a.txt", std::ios::app) << "my edit\n";  // the user, meanwhile
            std::ofstream(folder / "a.txt") << "new\n";
        },
        true, {});
    std::ifstream now(dir / "out" / "a.txt");
    std::string line;
    std::getline(now, line);
    EXPECT_EQ(line, "new");
    ASSERT_EQ(w.notes.size(), 1u);
    EXPECT_NE(w.notes[0].find("the earlier folder is kept here"), std::string::npos) << w.notes[0];
    bool kept = false;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().filename().string().rfind("out.earlier-", 0) != 0) continue;
        std::ifstream in(entry.path() / "a.txt");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        kept = text == "a\nmy edit\n";
    }
    EXPECT_TRUE(kept) << "the edit made during the run was deleted";
}

}  // namespace
