#pragma once
// What is wrong with an input, and where: "file:line: column: message".

#include <stdexcept>
#include <string>
#include <vector>

namespace calc {

/// One problem in an input file. column is a CSV header or a TOML key path;
/// line is 1-based (0 when the problem is the whole file).
struct Diagnostic {
    std::string file;
    long line = 0;
    std::string column;
    std::string message;

    /// "file:line: column: message", one line: control characters in any
    /// part (a NUL or newline from a hostile file, a C1 control, a
    /// bidirectional override, a byte-order mark) are shown as \xNN a byte.
    std::string to_string() const;
};

/// The most problems an InputError keeps; more are summed up in one line.
inline constexpr std::size_t kMaxProblems = 100;

/// Input that cannot be used. Loaders collect every problem they find before
/// throwing, so a user fixes a file in one pass. At most kMaxProblems are
/// kept; when there were more, one last line says "stopped after 100
/// problems; fix these and run again".
struct InputError : std::runtime_error {
    explicit InputError(std::vector<Diagnostic> problems);
    std::vector<Diagnostic> diagnostics;
};

}  // namespace calc
