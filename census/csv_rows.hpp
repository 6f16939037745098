#pragma once
// RFC 4180 rows with the line each starts on, read by libcsv.

#include "calc/diagnostic.hpp"
#include "io/file_lines.hpp"

#include <functional>
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

}  // namespace census
