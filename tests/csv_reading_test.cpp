// Lines with no quote are split in place; everything else goes to libcsv. On
// random texts the two readings must give the same rows, fields, line numbers
// and refusals as libcsv alone.
#include "calc/diagnostic.hpp"
#include "census/census_loader.hpp"
#include "census/csv_rows.hpp"
#include "io/file_lines.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <functional>
#include <fstream>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

namespace {

std::string read_all(const std::string& text, census::CsvReading reading) {
    std::string out;
    try {
        census::for_each_csv_row(
            text, "t.csv",
            [&](const census::CsvRowView& row) {
                out += std::to_string(row.line) + ":";
                for (std::string_view f : row.fields) out += "[" + std::string(f) + "]";
                out += "\n";
            },
            reading);
    } catch (const calc::InputError& e) {
        for (const auto& d : e.diagnostics) out += "refused " + d.to_string() + "\n";
    }
    return out;
}

TEST(CsvReading, InPlaceAgreesWithLibcsvOnRandomTexts) {
    const std::string alphabet[] = {"a", "7", " ", "\t", ",", ",", ",", "\"", "\"\"", "\r", "\n", "\n", "\r\n", "\xC3\xA9"};
    std::mt19937 rng(1124);
    for (int i = 0; i < 20000; ++i) {
        std::string text;
        const int tokens = static_cast<int>(rng() % 40);
        for (int t = 0; t < tokens; ++t) text += alphabet[rng() % std::size(alphabet)];
        ASSERT_EQ(read_all(text, census::CsvReading::in_place), read_all(text, census::CsvReading::libcsv_only))
            << "text: " << ::testing::PrintToString(text);
    }
}

TEST(CsvReading, TheCensusShapesAgree) {
    for (const std::string& text :
         {std::string("URN,School,NOR\n100001, Hall Mead ,200\r\n\n100002,\"Quoted, name\",300\n100003,x,\n"),
          std::string("\xEF\xBB\xBFURN,NOR\n1,2"), std::string("a,b\n\"open\n,c\n"), std::string("a\tb, c \n  \n\t\n")}) {
        EXPECT_EQ(read_all(text, census::CsvReading::in_place), read_all(text, census::CsvReading::libcsv_only)) << text;
    }
    EXPECT_EQ(read_all("URN,School\n1, Hall Mead \n", census::CsvReading::in_place), "1:[URN][School]\n2:[1][Hall Mead]\n");
}

}  // namespace

namespace {

// A row callback that throws on the second row: the exception reaches the
// caller whichever reader split the row, and nothing leaks (the sanitizer
// build checks the parser's buffer is freed).
TEST(CsvReading, AnExceptionFromARowReachesTheCallerOnBothReadings) {
    for (census::CsvReading reading : {census::CsvReading::in_place, census::CsvReading::libcsv_only}) {
        for (const char* text : {"a,b\nc,d\ne,f\n", "\"a\",b\n\"c\",d\n\"e\",f\n"}) {
            int rows = 0;
            EXPECT_THROW(census::for_each_csv_row(
                             text, "t.csv",
                             [&](const census::CsvRowView&) {
                                 if (++rows == 2) throw std::runtime_error("stop");
                             },
                             reading),
                         std::runtime_error)
                << text;
            EXPECT_EQ(rows, 2) << text;
        }
    }
}

}  // namespace

namespace {

// A census file is read in 1 MiB blocks, twice, and never held whole: it must
// give what the same text in memory gives, wherever a block ends.
std::string read_all_from_file(const std::string& text) {
    const std::filesystem::path path = std::filesystem::temp_directory_path() / ("dedeleg-lines-" + std::to_string(::getpid()) + ".csv");
    {
        std::ofstream out(path, std::ios::binary);
        out << text;
    }
    std::string got;
    try {
        const io::FileLines lines(path.string(), census::kCsvFileLineCut);
        long checked = -1;
        census::for_each_csv_row(
            lines,
            [&](const census::CsvRowView& row) {
                got += std::to_string(row.line) + ":";
                for (std::string_view f : row.fields) got += "[" + std::string(f) + "]";
                got += "\n";
            },
            [&](long n) { checked = n; });
        EXPECT_GE(checked, 0) << "the line count is told before the rows";
    } catch (const calc::InputError& e) {
        for (const auto& d : e.diagnostics) got += "refused " + d.to_string() + "\n";
    }
    std::filesystem::remove(path);
    // The file's messages name the file; the text's name t.csv.
    for (std::size_t at; (at = got.find(path.string())) != std::string::npos;) got.replace(at, path.string().size(), "t.csv");
    return got;
}

TEST(CsvReading, AFileReadInBlocksGivesWhatItsTextGives) {
    const std::string mib(1 << 20, 'x');
    std::vector<std::string> texts = {
        "",
        "a,b",
        "\xEF\xBB\xBFURN,NOR\r\n1,2\r\n",
        "a,\"b\nc\",d\ne,f\n",
        // lines around the 1 MiB limit, and across the block boundary
        "h\n" + mib.substr(0, (1 << 20) - 1) + "\nnext,row\n",
        "h\n" + mib + "\nnext\n",
        "h\n" + mib + "x",
        "h\n" + mib + mib + mib + "\n",
        "a,b\n" + std::string(1 << 20, ',') + "\n",
        "a\n" + std::string((1 << 20) - 3, 'y') + "\n\xC3\n",
    };
    // Many short rows, some quoted over two lines, so blocks end everywhere in them.
    std::mt19937 rng(1204);
    for (int t = 0; t < 3; ++t) {
        std::string text = "URN,School,NOR\n";
        while (text.size() < (3u << 20) + rng() % 1000) {
            const auto r = rng() % 20;
            text += std::to_string(100000 + rng() % 900000) + "," +
                    (r == 0 ? "\"Two\nlines, quoted\"" : r == 1 ? "\"\"\"Q\"\"\"" : "Name " + std::to_string(rng() % 999)) + "," +
                    std::to_string(rng() % 1000) + (r == 2 ? "\r\n" : "\n");
        }
        if (t == 1) text += "\xFF,bad,1\n";  // refused in the first pass, after 3 MiB
        if (t == 2) text += "1,\"never closed\n";
        texts.push_back(text);
    }
    for (const std::string& text : texts) {
        const std::string in_memory = read_all(text, census::CsvReading::in_place);
        ASSERT_EQ(read_all_from_file(text), in_memory) << "text of " << text.size() << " bytes starting "
                                                        << ::testing::PrintToString(text.substr(0, 40));
    }
}

TEST(CsvReading, AFifoIsReadOnceAndItsLinesServedTwice) {
    const std::filesystem::path path = std::filesystem::temp_directory_path() / ("dedeleg-fifo-" + std::to_string(::getpid()));
    ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
    std::thread writer([&] {
        std::ofstream out(path, std::ios::binary);
        out << "URN,NOR\n1,2\n3,4\n";
    });
    std::string got;
    {
        const io::FileLines lines(path.string(), census::kCsvFileLineCut);
        census::for_each_csv_row(
            lines, [&](const census::CsvRowView& row) { got += std::string(row.fields[0]) + ";"; }, nullptr);
    }
    writer.join();
    std::filesystem::remove(path);
    EXPECT_EQ(got, "URN;1;3;");
}

}  // namespace

namespace {

std::filesystem::path scratch_file(const std::string& name, const std::string& text) {
    const std::filesystem::path path = std::filesystem::temp_directory_path() / ("dedeleg-" + name + "-" + std::to_string(::getpid()));
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

std::string refusal_of(const std::function<void()>& body) {
    try {
        body();
    } catch (const calc::InputError& e) {
        return e.diagnostics.front().to_string();
    }
    return "(accepted)";
}

// A file saved again between the check and the reading (or during either) is
// refused: the two passes would not be over the same text.
TEST(FileLines, AFileChangedBetweenPassesIsRefused) {
    const auto path = scratch_file("changing", "URN,NOR\n1,2\n");
    const io::FileLines lines(path.string(), census::kCsvFileLineCut);
    int seen = 0;
    lines.for_each_line([&](std::string_view) { return ++seen, true; });
    EXPECT_EQ(seen, 2);
    std::ofstream(path, std::ios::binary | std::ios::app) << "3,4\n";
    EXPECT_EQ(refusal_of([&] { lines.for_each_line([](std::string_view) { return true; }); }),
              path.string() + ": changed while it was being read; run again once it is saved");
    std::filesystem::remove(path);
}

// A first line that starts with a byte-order mark is measured without it, as
// in memory: cut in the file reader three bytes later, still too long.
TEST(FileLines, AByteOrderMarkDoesNotHideALongFirstLine) {
    const std::string text = "\xEF\xBB\xBF" + std::string((1 << 20) + 20, 'h') + "\n1,2\n";
    const auto path = scratch_file("bom-long", text);
    const std::string expected = ":1: line longer than 1 MiB; is this a census CSV?";
    EXPECT_EQ(refusal_of([&] { census::load_census(text, "t.csv"); }), "t.csv" + expected);
    EXPECT_EQ(refusal_of([&] { census::load_census_file(path.string()); }), path.string() + expected);
    std::filesystem::remove(path);
}

// A pipe or device is read once, and no further than a line that is too long:
// an endless line (/dev/zero, `yes | tr -d '\n'`) is refused, not read forever.
TEST(FileLines, AnEndlessLineFromAPipeIsRefusedNotReadForever) {
    std::signal(SIGPIPE, SIG_IGN);  // the reader stops first; the writer then sees EPIPE
    const std::filesystem::path path = std::filesystem::temp_directory_path() / ("dedeleg-endless-" + std::to_string(::getpid()));
    ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
    std::thread writer([&] {
        const int fd = ::open(path.c_str(), O_WRONLY);
        const std::string block(1 << 16, 'a');
        for (int i = 0; i < 1024; ++i)  // 64 MiB at most, never a newline
            if (::write(fd, block.data(), block.size()) < 0) break;
        ::close(fd);
    });
    EXPECT_EQ(refusal_of([&] { census::load_census_file(path.string()); }),
              path.string() + ":1: line longer than 1 MiB; is this a census CSV?");
    writer.join();
    std::filesystem::remove(path);
}

// Schools are reserved from the lines that are not blank: a census with a
// million blank lines does not ask for a million schools' memory.
TEST(FileLines, SchoolsAreReservedFromLinesThatAreNotBlank) {
    const auto path = scratch_file("blank-lines", "URN,Phase,Governance,NOR\n1,primary,maintained,10\n" + std::string(1'000'000, '\n'));
    const calc::Census census = census::load_census_file(path.string());
    EXPECT_EQ(census.schools.size(), 1u);
    EXPECT_LE(census.schools.capacity(), 2u);
    std::filesystem::remove(path);
}

}  // namespace

// Issue 18: one row reader for the CSV inputs read whole (inspections, LA
// categories): every record as wide as its header, no control character in
// any field, a bounded read.
namespace {

std::string table_refusal(const std::string& text) {
    return refusal_of([&] { census::read_csv_table(text, "t.csv"); });
}

TEST(CsvTable, EveryRecordIsAsWideAsItsHeader) {
    const census::CsvTable t = census::read_csv_table("\xEF\xBB\xBFURN,Name\n1,\"a, b\"\n\n2,\n", "t.csv");
    EXPECT_EQ(t.header.fields, (std::vector<std::string>{"URN", "Name"}));
    ASSERT_EQ(t.records.size(), 2u);
    EXPECT_EQ(t.records[0].fields, (std::vector<std::string>{"1", "a, b"}));
    EXPECT_EQ(t.records[1].line, 4);
    EXPECT_EQ(table_refusal("URN,Name,Kind\n1,x\n"), "t.csv:2: row has 2 fields, header has 3");
    EXPECT_EQ(table_refusal("URN,Name\n1,x,y\n"), "t.csv:2: row has 3 fields, header has 2");
    EXPECT_EQ(table_refusal("URN,Name\n1\n"), "t.csv:2: row has 1 fields, header has 2");
    EXPECT_EQ(table_refusal(""), "t.csv: empty: no header row");
    // The census keeps the same rule, in the same words.
    EXPECT_EQ(refusal_of([] { census::load_census("URN,Phase,Governance,NOR\n1,primary,maintained\n", "t.csv"); }),
              "t.csv:2: row has 3 fields, header has 4");
}

TEST(CsvTable, ControlCharactersAndByteOrderMarksAreRefusedWhereverTheyAre) {
    EXPECT_EQ(table_refusal("URN,Name\n1,\"a\x1b[31mb\"\n"), "t.csv:2: Name: control character U+001B; remove it");
    EXPECT_EQ(table_refusal("URN,Name\n1,a\xC2\x9B" "31m\n"), "t.csv:2: Name: control character U+009B; remove it");
    EXPECT_EQ(table_refusal("URN,Name\n1,a\xE2\x80\xAE" "b\n"), "t.csv:2: Name: control character U+202E; remove it");
    EXPECT_EQ(table_refusal("URN,Name\n1,a\xEF\xBB\xBF\n"), "t.csv:2: Name: control character U+FEFF (a byte-order mark); remove it");
    // In the header, the column is named by itself, its control characters shown escaped.
    EXPECT_EQ(table_refusal("\xEF\xBB\xBF\xEF\xBB\xBFURN,Name\n1,a\n"),
              "t.csv:1: \\xEF\\xBB\\xBFURN: control character U+FEFF (a byte-order mark); remove it");
    EXPECT_EQ(table_refusal("URN,N\x1b[2Jame\n1,a\n"), "t.csv:1: N\\x1B[2Jame: control character U+001B; remove it");
}

TEST(Diagnostic, NoCharacterThatDrivesATerminalReachesAMessage) {
    const calc::Diagnostic d{"f\x1b.csv", 3, "\xEF\xBB\xBFURN", "a\xC2\x9B" "2Jb\xE2\x80\xAE" "c\xE2\x81\xA6" "d\x7F" "e\xC3\xA9"};
    EXPECT_EQ(d.to_string(), "f\\x1B.csv:3: \\xEF\\xBB\\xBFURN: a\\xC2\\x9B2Jb\\xE2\\x80\\xAEc\\xE2\\x81\\xA6d\\x7Fe\xC3\xA9");
}

TEST(CsvTable, APipeOrDeviceIsReadNoFurtherThanTheBound) {
    std::signal(SIGPIPE, SIG_IGN);
    const std::filesystem::path path = std::filesystem::temp_directory_path() / ("dedeleg-table-" + std::to_string(::getpid()));
    ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
    std::thread writer([&] {
        const int fd = ::open(path.c_str(), O_WRONLY);
        const std::string block = [] {
            std::string b;
            while (b.size() < (1u << 16)) b += "100001,a school\n";
            return b;
        }();
        for (int i = 0; i < 4096; ++i)  // 256 MiB at most, in short lines
            if (::write(fd, block.data(), block.size()) < 0) break;
        ::close(fd);
    });
    EXPECT_EQ(refusal_of([&] { census::read_csv_table_file(path.string()); }), path.string() + ": larger than 67108864 bytes");
    writer.join();
    std::filesystem::remove(path);
    EXPECT_EQ(refusal_of([] { census::read_csv_table_file("/dev/urandom"); }), "/dev/urandom: larger than 67108864 bytes");
}

}  // namespace

