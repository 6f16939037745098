#pragma once
// CSV fields: quoted only when RFC 4180 needs it; text cells made safe for spreadsheets.

#include <string>
#include <string_view>

namespace report {

/// One CSV field, quoted only when RFC 4180 needs it (a comma, quote, CR or LF),
/// otherwise as is. For data read back by dedeleg (a census), not for people's spreadsheets.
std::string csv_field(std::string_view text);

/// A text cell (a school or service name, a label, a note) for a CSV people
/// open in a spreadsheet: one that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a leading `'`, so Excel and LibreOffice read it as
/// text, never as a formula (OWASP's advice on CSV injection); then csv_field.
/// Never used for numbers (a negative amount stays a number).
std::string csv_text(std::string_view text);
/// The same, appended to `out` (no allocation once `out` has grown).
void append_csv_text(std::string& out, std::string_view text);

}  // namespace report
