// Lines with no quote are split in place; everything else goes to libcsv. On
// random texts the two readings must give the same rows, fields, line numbers
// and refusals as libcsv alone.
#include "calc/diagnostic.hpp"
#include "census/csv_rows.hpp"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>

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
