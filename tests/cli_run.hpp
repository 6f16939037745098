#pragma once
// Runs the real dedeleg executable for the CLI tests.

#include <sys/wait.h>

#include <cstdlib>
#include <stdexcept>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace testing_cli {

struct Run {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A fresh folder of its own for one test's files (tests run in parallel).
inline std::filesystem::path scratch(const std::string& name) {
    std::string pattern = (std::filesystem::temp_directory_path() / ("dedeleg-" + name + "-XXXXXX")).string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    return pattern;
}

inline void write(const std::filesystem::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

/// `dedeleg <args>` run in `dir`.
inline Run dedeleg(const std::string& args, const std::filesystem::path& dir = scratch("run")) {
    // Captured output lives beside the folder, not in it, so tests can count its files.
    const auto out = dir.string() + ".stdout";
    const auto err = dir.string() + ".stderr";
    const std::string command = "cd '" + dir.string() + "' && '" DEDELEG_BIN "' " + args + " >'" + out +
                                "' 2>'" + err + "' </dev/null";
    const int status = std::system(command.c_str());
    Run r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    std::filesystem::remove(out);
    std::filesystem::remove(err);
    return r;
}

}  // namespace testing_cli
