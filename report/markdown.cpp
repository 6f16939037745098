#include "report/markdown.hpp"

namespace report {

std::string markdown_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '|') {
            out += "\\|";
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

void markdown_row(std::ostream& out, const std::string& label, const std::vector<std::string>& cells) {
    out << "| " << markdown_text(label);
    for (const std::string& c : cells) out << " | " << markdown_text(c);
    out << " |\n";
}

void markdown_heading(std::ostream& out, const std::string& label, const std::vector<std::string>& cells) {
    markdown_row(out, label, cells);
    out << "|---";
    for (std::size_t i = 0; i < cells.size(); ++i) out << "|---:";
    out << "|\n";
}

}  // namespace report
