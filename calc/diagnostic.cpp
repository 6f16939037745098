#include "calc/diagnostic.hpp"

namespace calc {

std::string Diagnostic::to_string() const {
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line);
    out += ": ";
    if (!column.empty()) out += column + ": ";
    return out + message;
}

InputError::InputError(std::vector<Diagnostic> problems)
    : std::runtime_error(problems.empty() ? std::string("invalid input") : problems.front().to_string()),
      diagnostics(std::move(problems)) {}

}  // namespace calc
