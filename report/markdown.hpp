#pragma once
// Markdown table rows, shared by the table, ledger and forecast writers.

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace report {

/// Text from a file made safe for one Markdown table cell or heading: `|`
/// escaped as `\|`, a line break (CRLF, LF or CR) folded into one space, so
/// a school called "A | B" or a name with a newline never shifts a column.
std::string markdown_text(std::string_view text);

/// "| label | a | b |", every cell through markdown_text.
void markdown_row(std::ostream& out, const std::string& label, const std::vector<std::string>& cells);

/// A heading row and the separator below it, cells right-aligned.
void markdown_heading(std::ostream& out, const std::string& label, const std::vector<std::string>& cells);

}  // namespace report
