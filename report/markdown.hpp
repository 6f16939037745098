#pragma once
// Markdown table rows, shared by the table, ledger and forecast writers.

#include <ostream>
#include <string>
#include <vector>

namespace report {

/// "| label | a | b |"
void markdown_row(std::ostream& out, const std::string& label, const std::vector<std::string>& cells);

/// A heading row and the separator below it, cells right-aligned.
void markdown_heading(std::ostream& out, const std::string& label, const std::vector<std::string>& cells);

}  // namespace report
