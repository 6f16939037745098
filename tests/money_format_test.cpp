#include "calc/money_format.hpp"
#include "calc/number_text.hpp"

#include <gtest/gtest.h>

namespace {

calc::Decimal d(const char* text) { return calc::parse_number(text).value; }

TEST(MoneyFormat, PoundsWithSeparators) {
    EXPECT_EQ(calc::format_pounds(d("707198"), 0), "\xC2\xA3" "707,198");
    EXPECT_EQ(calc::format_pounds(d("707198.34"), 2), "\xC2\xA3" "707,198.34");
    EXPECT_EQ(calc::format_pounds(d("-34457"), 0), "-\xC2\xA3" "34,457");
    EXPECT_EQ(calc::format_pounds(d("-10202"), 0, calc::Negative::parentheses), "(\xC2\xA3" "10,202)");
    EXPECT_EQ(calc::format_pounds(d("999"), 0), "\xC2\xA3" "999");
    EXPECT_EQ(calc::format_pounds(d("1000"), 0), "\xC2\xA3" "1,000");
    EXPECT_EQ(calc::format_pounds(d("2.8"), 2), "\xC2\xA3" "2.80");
}

TEST(MoneyFormat, NeverRoundsSilently) {
    EXPECT_THROW(calc::format_pounds(d("2.805"), 2), std::invalid_argument);
    EXPECT_EQ(calc::format_plain(d("-34457"), 2), "-34457.00");
}

TEST(MoneyFormat, GroupsThousands) {
    EXPECT_EQ(calc::group_thousands("1"), "1");
    EXPECT_EQ(calc::group_thousands("123456"), "123,456");
    EXPECT_EQ(calc::group_thousands("1234567"), "1,234,567");
}

}  // namespace

namespace {

// The CSVs' allocation-free writer gives exactly format_plain's text.
TEST(AppendPlain, WritesWhatFormatPlainWrites) {
    for (const char* text : {"0", "0.05", "-0.05", "1234.5", "-1234.56", "0.001", "99999999999999999999.99", "7", "-7"}) {
        const calc::Decimal d = calc::parse_number(text).value;
        for (int places = 0; places <= 4; ++places) {
            std::string expected;
            try {
                expected = calc::format_plain(d, places);
            } catch (const std::invalid_argument&) {
                EXPECT_THROW({ std::string s; calc::append_plain(s, d, places); }, std::invalid_argument) << text;
                continue;
            }
            std::string got = "x";
            calc::append_plain(got, d, places);
            EXPECT_EQ(got, "x" + expected) << text << " to " << places;
        }
    }
}

}  // namespace
