#pragma once
// RFC 4180 rows with the line each starts on, read by libcsv.

#include "calc/diagnostic.hpp"
#include "io/file_lines.hpp"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace census {

/// The longest line a CSV may have (its newline counted).
inline constexpr std::size_t kMaxCsvLineBytes = 1 << 20;
/// Where an io::FileLines for a CSV cuts a line: three bytes past the limit,
/// so a first line that starts with a byte-order mark is still too long
/// once the mark is taken off.
inline constexpr std::size_t kCsvFileLineCut = kMaxCsvLineBytes + 3;

struct CsvRow {
    long line = 0;  ///< physical line the row starts on (1-based)
    std::vector<std::string> fields;
};

/// A row as read, its fields viewing a buffer the reader reuses: valid only
/// during the callback that receives it (copy what you keep).
struct CsvRowView {
    long line = 0;  ///< physical line the row starts on (1-based)
    std::span<const std::string_view> fields;
};

/// Splits `text` into rows. Accepts a UTF-8 byte-order mark, CRLF or LF line
/// ends, quoted fields with commas and newlines, and skips blank lines.
/// Refuses bytes that are not UTF-8, lines over 1 MiB and malformed quoting,
/// throwing calc::InputError with the file and line.
std::vector<CsvRow> read_csv_rows(std::string_view text, const std::string& file);

/// The same, handing each row to `on_row` as soon as it is read, so a large
/// census is never held as text fields all at once, and nothing is allocated
/// per field (libcsv hands each field to one reused buffer). `on_row` must not
/// throw: it is called from inside libcsv, a C library.
void for_each_csv_row(std::string_view text, const std::string& file,
                      const std::function<void(const CsvRowView&)>& on_row);

/// How rows are read: lines with no quote are split in place and only the
/// rest handed to libcsv (the default), or every line through libcsv (the
/// reference the in-place reading is tested against).
enum class CsvReading { in_place, libcsv_only };
void for_each_csv_row(std::string_view text, const std::string& file,
                      const std::function<void(const CsvRowView&)>& on_row, CsvReading reading);

/// The same, reading `file` in blocks twice (checked, then split: it is never
/// held whole), and calling `on_checked` between the two with the number of
/// lines that are not blank (the most rows there can be).
/// Every line is checked again as it is split, in case the file has changed.
void for_each_csv_row(const io::FileLines& file, const std::function<void(const CsvRowView&)>& on_row,
                      const std::function<void(long lines)>& on_checked);

/// Where the rows come from: something that hands each line to a handler
/// until it returns false.
using LineHandler = std::function<bool(std::string_view)>;
using EachLine = std::function<void(const LineHandler&)>;
void for_each_csv_row(const EachLine& lines, bool recheck, const std::string& file,
                      const std::function<void(const CsvRowView&)>& on_row, CsvReading reading,
                      const std::function<void(long lines)>& on_checked);

/// The width rule every CSV input keeps (census, inspections, categories): a
/// record has exactly the header's fields, never padded or cut. The problem
/// "file:line: row has N fields, header has M", or nothing.
std::optional<calc::Diagnostic> width_problem(const std::string& file, long line, std::size_t fields,
                                              std::size_t header_fields);

/// A small CSV input read whole: its header and its records.
struct CsvTable {
    CsvRow header;
    std::vector<CsvRow> records;  ///< each exactly as wide as the header
};

/// The most a CSV read whole may hold: 64 MiB (England's inspections file,
/// 21,990 schools, is 8.7 MB). A census is read in blocks instead.
inline constexpr std::size_t kMaxCsvTableBytes = std::size_t{64} << 20;

/// Reads `text` as a header and records, with read_csv_rows' rules and
/// these: every record as wide as the header (width_problem), and no field,
/// header included, holding a control character, a bidirectional override or
/// a byte-order mark (calc::control_character_in). Throws calc::InputError
/// with every problem, "file:line: column: what" (at most calc::kMaxProblems).
CsvTable read_csv_table(std::string_view text, const std::string& file);

/// The same for a file, read with io::read_text_file's refusals: larger than
/// kMaxCsvTableBytes is refused unread, a pipe or device once it has given
/// that much (so /dev/urandom is refused in a moment, not read until memory
/// runs out).
CsvTable read_csv_table_file(const std::string& path);

}  // namespace census
