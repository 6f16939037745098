#include "report/markdown.hpp"

namespace report {

void markdown_row(std::ostream& out, const std::string& label, const std::vector<std::string>& cells) {
    out << "| " << label;
    for (const std::string& c : cells) out << " | " << c;
    out << " |\n";
}

void markdown_heading(std::ostream& out, const std::string& label, const std::vector<std::string>& cells) {
    markdown_row(out, label, cells);
    out << "|---";
    for (std::size_t i = 0; i < cells.size(); ++i) out << "|---:";
    out << "|\n";
}

}  // namespace report
