#include "calc/diagnostic.hpp"

namespace calc {

namespace {

std::string visible(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) {
            static const char kHex[] = "0123456789ABCDEF";
            out += "\\x";
            out += kHex[byte >> 4];
            out += kHex[byte & 15];
        } else {
            out += c;
        }
    }
    return out;
}

std::vector<Diagnostic> capped(std::vector<Diagnostic> problems) {
    if (problems.size() <= kMaxProblems) return problems;
    Diagnostic summary{problems.front().file, 0, "",
                       "stopped after " + std::to_string(kMaxProblems) + " problems; fix these and run again"};
    problems.resize(kMaxProblems);
    problems.push_back(std::move(summary));
    return problems;
}

}  // namespace

std::string Diagnostic::to_string() const {
    std::string out = visible(file);
    if (line > 0) out += ":" + std::to_string(line);
    out += ": ";
    if (!column.empty()) out += visible(column) + ": ";
    return out + visible(message);
}

InputError::InputError(std::vector<Diagnostic> problems)
    : std::runtime_error(problems.empty() ? std::string("invalid input") : problems.front().to_string()),
      diagnostics(capped(std::move(problems))) {}

}  // namespace calc
