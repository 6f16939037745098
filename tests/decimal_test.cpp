#include "calc/decimal.hpp"
#include "calc/number_text.hpp"

#include <gtest/gtest.h>

using calc::Decimal;
using calc::RoundingMode;

namespace {

Decimal d(const char* text) { return calc::parse_number(text).value; }

// One row per input, one column per mode (half_up, half_even, half_down, up, down, ceiling, floor).
struct RoundingRow {
    const char* input;
    const char* expected[7];
};

const RoundingRow kRoundingTable[] = {
    {"2.345", {"2.35", "2.34", "2.34", "2.35", "2.34", "2.35", "2.34"}},
    {"2.355", {"2.36", "2.36", "2.35", "2.36", "2.35", "2.36", "2.35"}},
    {"-2.345", {"-2.35", "-2.34", "-2.34", "-2.35", "-2.34", "-2.34", "-2.35"}},
    {"-2.355", {"-2.36", "-2.36", "-2.35", "-2.36", "-2.35", "-2.35", "-2.36"}},
    {"2.3451", {"2.35", "2.35", "2.35", "2.35", "2.34", "2.35", "2.34"}},
    {"2.3449", {"2.34", "2.34", "2.34", "2.35", "2.34", "2.35", "2.34"}},
    {"-0.005", {"-0.01", "0.00", "0.00", "-0.01", "0.00", "0.00", "-0.01"}},
    {"0.005", {"0.01", "0.00", "0.00", "0.01", "0.00", "0.01", "0.00"}},
    {"707198.34", {"707198.34", "707198.34", "707198.34", "707198.34", "707198.34", "707198.34", "707198.34"}},
    {"12", {"12.00", "12.00", "12.00", "12.00", "12.00", "12.00", "12.00"}},
};

TEST(Decimal, RoundingTableToThePenny) {
    for (const RoundingRow& row : kRoundingTable) {
        for (std::size_t m = 0; m < calc::kAllRoundingModes.size(); ++m) {
            const Decimal got = d(row.input).round(2, calc::kAllRoundingModes[m]);
            EXPECT_EQ(got.to_string(), row.expected[m])
                << row.input << " with " << calc::name_of(calc::kAllRoundingModes[m]);
        }
    }
}

TEST(Decimal, RoundsToThousandsForPapers) {
    EXPECT_EQ(d("362880").round(-3, RoundingMode::half_up).to_string(), "363000");
    EXPECT_EQ(d("7042.5").round(-3, RoundingMode::half_up).to_string(), "7000");
    EXPECT_EQ(d("51699.36").round(-2, RoundingMode::half_up).to_string(), "51700");
    EXPECT_EQ(d("-1500").round(-3, RoundingMode::half_even).to_string(), "-2000");
    EXPECT_EQ(d("-2500").round(-3, RoundingMode::half_even).to_string(), "-2000");
}

TEST(Decimal, ArithmeticIsExact) {
    EXPECT_EQ((d("40.49") * Decimal(17466)).to_string(), "707198.34");
    EXPECT_EQ((d("0.1") + d("0.2")).to_string(), "0.3");
    EXPECT_EQ((d("0.1") + d("0.2")), d("0.3"));
    EXPECT_EQ((d("38") * d("13.6055")).to_string(), "517.0090");
    EXPECT_EQ(d("2.50"), d("2.5"));
    EXPECT_LT(d("-0.01"), d("0"));
    EXPECT_GT(d("100"), d("99.999999"));
    EXPECT_EQ(d("2.500").normalized().to_string(), "2.5");
}

TEST(Decimal, DividesWithANamedMode) {
    EXPECT_EQ(calc::divide(d("717400"), d("17466"), 2, RoundingMode::up).to_string(), "41.08");
    EXPECT_EQ(calc::divide(d("1"), d("3"), 4, RoundingMode::half_up).to_string(), "0.3333");
    EXPECT_EQ(calc::divide(d("-1"), d("8"), 2, RoundingMode::half_even).to_string(), "-0.12");
    EXPECT_EQ(calc::divide(d("5"), d("-2"), 0, RoundingMode::half_up).to_string(), "-3");
    EXPECT_THROW(calc::divide(d("1"), d("0"), 2, RoundingMode::half_up), std::domain_error);
}

TEST(Decimal, OverflowIsAnErrorNeverAWrap) {
    const Decimal big = d("99999999999999999999999999999999999999");  // 38 nines
    // Native 128-bit units: every 38-digit number, limit 2^127 - 1 (about 1.7 × 10^38).
    EXPECT_NO_THROW(big + d("70000000000000000000000000000000000000"));
    EXPECT_THROW(big + big, calc::DecimalOverflow);
    EXPECT_THROW(-big - big, calc::DecimalOverflow);
    EXPECT_THROW(big * Decimal(10), calc::DecimalOverflow);
    EXPECT_THROW(big.with_scale(2), calc::DecimalOverflow);
    EXPECT_THROW(calc::parse_number("999999999999999999999999999999999999999"), calc::InvalidNumber);
}

TEST(Decimal, FixedTextPadsButNeverRounds) {
    EXPECT_EQ(d("2.8").to_fixed(2), "2.80");
    EXPECT_EQ(d("-0.5").to_fixed(2), "-0.50");
    EXPECT_THROW(d("2.805").to_fixed(2), std::invalid_argument);
}

// Issue 18: a compounding rounded each step takes a × b to `places` even where
// the exact product has more places than a Decimal holds (its digits still fit).
TEST(Decimal, MultiplyRoundedNeedsOnlyTheDigitsToFit) {
    const Decimal tiny = Decimal::from_units(5, 30);  // 5 × 10^-30
    EXPECT_EQ(calc::multiply_rounded(d("2.5"), d("1.055"), 2, RoundingMode::half_up).to_string(), "2.64");
    EXPECT_EQ(calc::multiply_rounded(tiny, d("0.1"), 30, RoundingMode::half_up).to_string(),
              "0.000000000000000000000000000001");  // 5 × 10^-31 rounds half up
    EXPECT_EQ(calc::multiply_rounded(tiny, d("0.1"), 30, RoundingMode::half_even).to_string(),
              "0.000000000000000000000000000000");
    EXPECT_EQ(calc::multiply_rounded(tiny, d("-0.1"), 30, RoundingMode::floor).to_string(),
              "-0.000000000000000000000000000001");
    EXPECT_EQ(calc::multiply_rounded(Decimal::from_units(1, 30), Decimal::from_units(1, 30), 0, RoundingMode::up).to_string(), "1");
    EXPECT_EQ(calc::multiply_rounded(Decimal::from_units(1, 30), Decimal::from_units(1, 30), 0, RoundingMode::half_up).to_string(), "0");
    EXPECT_THROW((void)(tiny * d("0.1")), calc::DecimalOverflow);  // the exact product: 31 places
}

}  // namespace
