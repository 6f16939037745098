// Text cells a spreadsheet could take for a formula get a leading ' (OWASP).
#include "report/csv_field.hpp"

#include <gtest/gtest.h>

namespace {

TEST(CsvText, FormulaLeadsAreWrittenAsText) {
    EXPECT_EQ(report::csv_text("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    EXPECT_EQ(report::csv_text("@SUM(1+1)"), "'@SUM(1+1)");
    EXPECT_EQ(report::csv_text("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
    EXPECT_EQ(report::csv_text("-2+3"), "'-2+3");
    EXPECT_EQ(report::csv_text("\t=1"), "'\t=1");
    EXPECT_EQ(report::csv_text("\r=1"), "\"'\r=1\"");
    // Ordinary text is untouched, and csv_field (for census files dedeleg reads back) never adds the quote.
    EXPECT_EQ(report::csv_text("St Mary's, Hornchurch"), "\"St Mary's, Hornchurch\"");
    EXPECT_EQ(report::csv_text("A = B"), "A = B");
    EXPECT_EQ(report::csv_field("=1"), "=1");
}

}  // namespace
