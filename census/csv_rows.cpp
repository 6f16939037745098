#include "census/csv_rows.hpp"

#include "calc/text.hpp"
#include "io/file_lines.hpp"
#include "io/text_file.hpp"

#include <csv.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>

namespace census {

namespace {

constexpr std::size_t kMaxLineBytes = kMaxCsvLineBytes;

// Byte offset of the first byte that is not valid UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        // Eight ASCII bytes at a time: a census is nearly all ASCII.
        for (std::uint64_t word; i + 8 <= s.size(); i += 8) {
            std::memcpy(&word, s.data() + i, 8);
            if (word & 0x8080808080808080u) break;
        }
        if (i >= s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t extra = 0;
        if (c < 0x80) extra = 0;
        else if (c >= 0xC2 && c <= 0xDF) extra = 1;
        else if (c >= 0xE0 && c <= 0xEF) extra = 2;
        else if (c >= 0xF0 && c <= 0xF4) extra = 3;
        else return i;
        if (extra > 0 && i + extra >= s.size()) return i;  // cut short
        for (std::size_t k = 1; k <= extra; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
        // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
        if (extra > 1) {
            const auto next = static_cast<unsigned char>(s[i + 1]);
            if ((c == 0xE0 && next < 0xA0) || (c == 0xED && next > 0x9F) || (c == 0xF0 && next < 0x90) ||
                (c == 0xF4 && next > 0x8F))
                return i;
        }
        i += extra + 1;
    }
    return std::string_view::npos;
}

// libcsv calls these back with each field and at each row end. Fields are
// appended to one buffer kept across rows; the views are made at the row's
// end, when the buffer no longer moves.
struct Collector {
    const std::function<void(const CsvRowView&)>& on_row;
    long line = 0;
    bool row_open = false;
    std::string bytes;
    std::vector<std::size_t> ends;
    std::vector<std::string_view> fields;
    std::exception_ptr failure;

    static void on_field(void* data, std::size_t size, void* self) {
        auto* c = static_cast<Collector*>(self);
        c->bytes.append(static_cast<const char*>(data), size);
        c->ends.push_back(c->bytes.size());
    }
    static void on_row_end(int, void* self) {
        auto* c = static_cast<Collector*>(self);
        c->fields.clear();
        std::size_t begin = 0;
        for (std::size_t end : c->ends) {
            c->fields.emplace_back(c->bytes.data() + begin, end - begin);
            begin = end;
        }
        // An exception must not unwind through libcsv's C frames: it is kept
        // and rethrown once libcsv has returned.
        if (!c->failure) {
            try {
                c->on_row(CsvRowView{c->line, c->fields});
            } catch (...) {
                c->failure = std::current_exception();
            }
        }
        c->bytes.clear();
        c->ends.clear();
        c->row_open = false;
    }
};

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// A line with no quote and no carriage return but its ending is a row by
// itself: its fields are split here, in place, as libcsv would split them
// (leading and trailing spaces and tabs dropped). Anything else goes to
// libcsv. Returns false when the line is not such a line.
bool split_plain_line(std::string_view line, std::vector<std::string_view>& fields) {
    if (line.ends_with('\n')) line.remove_suffix(1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    fields.clear();
    const auto add = [&](std::size_t begin, std::size_t end) {
        while (begin < end && (line[begin] == ' ' || line[begin] == '\t')) ++begin;
        while (end > begin && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
        fields.emplace_back(line.data() + begin, end - begin);
    };
    // One pass, byte by byte: fields are short, so a library search per field costs more than it saves.
    std::size_t begin = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == ',') {
            add(begin, i);
            begin = i + 1;
        } else if (c == '"' || c == '\r') {
            return false;
        }
    }
    add(begin, line.size());
    return true;
}

}  // namespace

std::vector<CsvRow> read_csv_rows(std::string_view text, const std::string& file) {
    std::vector<CsvRow> rows;
    for_each_csv_row(text, file, [&](const CsvRowView& row) {
        rows.push_back(CsvRow{row.line, std::vector<std::string>(row.fields.begin(), row.fields.end())});
    });
    return rows;
}

void for_each_csv_row(std::string_view text, const std::string& file,
                      const std::function<void(const CsvRowView&)>& on_row) {
    for_each_csv_row(text, file, on_row, CsvReading::in_place);
}

void for_each_csv_row(std::string_view text, const std::string& file,
                      const std::function<void(const CsvRowView&)>& on_row, CsvReading reading) {
    const auto lines = [&](const LineHandler& on_line) { io::for_each_line_of(text, on_line); };
    for_each_csv_row(lines, /*rechecked=*/false, file, on_row, reading, nullptr);
}

void for_each_csv_row(const io::FileLines& file, const std::function<void(const CsvRowView&)>& on_row,
                      const std::function<void(long lines)>& on_checked) {
    // A file may change between the two passes, so the second checks each line again.
    const auto lines = [&](const LineHandler& on_line) { file.for_each_line(on_line); };
    for_each_csv_row(lines, /*rechecked=*/true, file.path(), on_row, CsvReading::in_place, on_checked);
}

void for_each_csv_row(const EachLine& lines, bool recheck, const std::string& file,
                      const std::function<void(const CsvRowView&)>& on_row, CsvReading reading,
                      const std::function<void(long lines)>& on_checked) {
    // Freed on every way out: a row callback may throw (a caller's own error).
    struct Parser {
        csv_parser p;
        Parser() {
            if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
        }
        ~Parser() { csv_free(&p); }
        Parser(const Parser&) = delete;
        Parser& operator=(const Parser&) = delete;
    } owned;
    csv_parser& parser = owned.p;
    Collector collector{on_row, 0, false, {}, {}, {}, {}};
    std::vector<calc::Diagnostic> problems;

    // A line's problem, if any: too long, or a byte that is not UTF-8.
    const auto check = [&](std::string_view line, long line_number) {
        if (line.size() > kMaxLineBytes) {
            problems.push_back({file, line_number, "", "line longer than 1 MiB; is this a census CSV?"});
        } else if (const std::size_t bad = first_invalid_utf8(line); bad != std::string_view::npos) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(line[bad]));
            problems.push_back({file, line_number, "",
                                std::string("byte ") + hex + " at byte " + std::to_string(bad + 1) +
                                    " is not UTF-8; save the file as CSV UTF-8"});
        }
        return problems.empty();
    };
    // The byte-order mark of UTF-8, if the first line starts with one, is not part of the text.
    const auto without_bom = [](std::string_view line, long line_number) {
        if (line_number == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
        return line;
    };

    // The whole text is checked first, so a file that is not UTF-8 is refused
    // as such before any row is looked at.
    long line_number = 0;
    long not_blank = 0;  // rows there can be at most
    lines([&](std::string_view line) {
        ++line_number;
        line = without_bom(line, line_number);
        if (!is_blank(line)) ++not_blank;
        return check(line, line_number);
    });
    if (!problems.empty()) throw calc::InputError(std::move(problems));
    if (on_checked) on_checked(not_blank);

    line_number = 0;
    lines([&](std::string_view raw) {
        ++line_number;
        const std::string_view line = without_bom(raw, line_number);
        if (recheck && !check(line, line_number)) return false;
        // libcsv between rows (its public state field; 0 is ROW_NOT_BEGUN): a
        // carriage return can end a row mid-line and a quote open the next.
        const bool between_rows = parser.pstate == 0;
        if (between_rows && is_blank(line)) return true;  // libcsv skips it too
        if (between_rows && reading == CsvReading::in_place && split_plain_line(line, collector.fields)) {
            on_row(CsvRowView{line_number, collector.fields});
            return true;
        }
        if (!collector.row_open) {
            collector.line = line_number;
            collector.row_open = true;
        }
        const std::size_t parsed =
            csv_parse(&parser, line.data(), line.size(), Collector::on_field, Collector::on_row_end, &collector);
        if (collector.failure) std::rethrow_exception(collector.failure);
        if (parsed != line.size()) {
            problems.push_back({file, line_number, "", std::string("malformed CSV: ") +
                                                           csv_strerror(csv_error(&parser)) +
                                                           " (a quote inside a field must be doubled)"});
            return false;
        }
        return true;
    });
    if (problems.empty() && csv_fini(&parser, Collector::on_field, Collector::on_row_end, &collector) != 0)
        problems.push_back({file, collector.line, "", "malformed CSV: a quoted field is never closed"});
    if (collector.failure) std::rethrow_exception(collector.failure);
    if (!problems.empty()) throw calc::InputError(std::move(problems));
}

std::optional<calc::Diagnostic> width_problem(const std::string& file, long line, std::size_t fields,
                                              std::size_t header_fields) {
    if (fields == header_fields) return std::nullopt;
    return calc::Diagnostic{file, line, "",
                            "row has " + std::to_string(fields) + " fields, header has " + std::to_string(header_fields)};
}

CsvTable read_csv_table(std::string_view text, const std::string& file) {
    CsvTable table;
    std::vector<calc::Diagnostic> problems;
    bool header_read = false;
    for_each_csv_row(text, file, [&](const CsvRowView& row) {
        if (problems.size() > calc::kMaxProblems) return;  // InputError keeps 100 and says it stopped
        // A header field is named by itself (Diagnostic::to_string shows its control characters escaped).
        const auto column_of = [&](std::size_t i) -> std::string {
            if (!header_read) return std::string(row.fields[i]);
            return i < table.header.fields.size() ? table.header.fields[i] : "column " + std::to_string(i + 1);
        };
        bool clean = true;
        for (std::size_t i = 0; i < row.fields.size(); ++i)
            if (const std::string bad = calc::control_character_in(row.fields[i]); !bad.empty()) {
                problems.push_back({file, row.line, column_of(i),
                                    "control character " + bad + (bad == "U+FEFF" ? " (a byte-order mark)" : "") +
                                        "; remove it"});
                clean = false;
            }
        if (!header_read) {
            header_read = true;
            table.header = CsvRow{row.line, std::vector<std::string>(row.fields.begin(), row.fields.end())};
            return;
        }
        if (auto wrong = width_problem(file, row.line, row.fields.size(), table.header.fields.size())) {
            problems.push_back(std::move(*wrong));
            return;
        }
        if (clean) table.records.push_back(CsvRow{row.line, std::vector<std::string>(row.fields.begin(), row.fields.end())});
    });
    if (!header_read) throw calc::InputError({{file, 0, "", "empty: no header row"}});
    if (!problems.empty()) throw calc::InputError(std::move(problems));
    return table;
}

CsvTable read_csv_table_file(const std::string& path) {
    return read_csv_table(io::read_text_file(path, {kMaxCsvTableBytes, false}), path);
}

}  // namespace census
