#pragma once
// Where a command's data goes: stdout, or a file written atomically.

#include <CLI/CLI.hpp>

#include <functional>
#include <ostream>
#include <string>

namespace cli {

/// A command's --out and --force.
struct Output {
    std::string path;    ///< empty: standard output
    bool force = false;  ///< replace a read-only --out file
};

/// Adds --out,-o FILE (described by `help`) and --force.
void add_out_option(CLI::App& cmd, Output& out, const std::string& help);

/// Writes to `out.path` with io::write_atomically (refusing this run's
/// inputs, folders, devices, and read-only files unless --force), or to
/// stdout when the path is empty, checked and flushed. A failure throws
/// calc::InputError and leaves no partial file.
void emit(const Output& out, const std::function<void(std::ostream&)>& write);

}  // namespace cli
