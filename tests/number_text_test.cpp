#include "calc/money.hpp"
#include "calc/number_text.hpp"

#include <gtest/gtest.h>

namespace {

struct Accepted {
    const char* text;
    const char* value;
    bool percent;
    bool currency;
};

TEST(ParseNumber, AcceptsWhatFinanceFilesContain) {
    const Accepted cases[] = {
        {"40.49", "40.49", false, false},      {"-34457", "-34457", false, false},
        {"1,234.50", "1234.50", false, false}, {"\xC2\xA3" "707,198", "707198", false, true},
        {"(10,202)", "-10202", false, false},  {"12.5%", "0.125", true, false},
        {"  17466 ", "17466", false, false},   {"-\xC2\xA3" "34,457", "-34457", false, true},
        {"(\xC2\xA3" "10,202)", "-10202", false, true}, {"+3.38", "3.38", false, false},
        {"0.000000000000000001", "0.000000000000000001", false, false},
        {"1,000,000", "1000000", false, false}, {"0", "0", false, false}, {".5", "0.5", false, false},
    };
    for (const Accepted& c : cases) {
        const calc::NumberText n = calc::parse_number(c.text);
        EXPECT_EQ(n.value.to_string(), c.value) << c.text;
        EXPECT_EQ(n.percent, c.percent) << c.text;
        EXPECT_EQ(n.currency, c.currency) << c.text;
    }
}

TEST(ParseNumber, RejectsEverythingElseWithAReason) {
    const char* rejected[] = {"",       "   ",     "abc",     "1.2.3",  "1,23",   "12,3456", ",123",
                              "1,234,5", "12.",    "(12",     "12)",    "1e5",    "£",      "%",
                              "£12%",    "--1",    "- 1",     "1 234",  "0x10",   "12a",    "(-12)",
                              "1_000",   "12..5",  "NaN",     "inf",    "0,125",  "00,125", "0,500,000"};
    for (const char* text : rejected) {
        EXPECT_THROW(calc::parse_number(text), calc::InvalidNumber) << '"' << text << '"';
    }
}

TEST(ParseNumber, MessageQuotesTheInput) {
    try {
        calc::parse_number("1,23");
        FAIL();
    } catch (const calc::InvalidNumber& e) {
        EXPECT_STREQ(e.what(), "misplaced thousands separator: \"1,23\"");
    }
}

TEST(NumberText, ThousandsSeparatorsAreNotedAndAmbiguousInARate) {
    EXPECT_TRUE(calc::parse_number("40,490").grouped);
    EXPECT_TRUE(calc::parse_number("£1,234.50").grouped);
    EXPECT_FALSE(calc::parse_number("40490").grouped);
    EXPECT_EQ(calc::separator_problem("40,490", calc::Factor::AWPU),
              "a thousands separator in a per-pupil rate is ambiguous: \"40,490\": write 40490 or 40.490");
    EXPECT_EQ(calc::separator_problem(" £1,045 ", calc::Factor::PLACE),
              "a thousands separator in a per-place rate is ambiguous: \"£1,045\": write £1045 or £1.045");
    EXPECT_EQ(calc::separator_problem("1,234,567.5", calc::Factor::FSM),
              "a thousands separator in a per-pupil rate is ambiguous: \"1,234,567.5\": write 1234567.5");
    EXPECT_EQ(calc::separator_problem("£1,000", calc::Factor::LUMP), std::nullopt);
    EXPECT_EQ(calc::separator_problem("40.49", calc::Factor::AWPU), std::nullopt);
    EXPECT_EQ(calc::separator_problem("forty", calc::Factor::AWPU), std::nullopt);
}

}  // namespace
