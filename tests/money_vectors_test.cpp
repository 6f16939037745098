// Every row of the independent rounding vectors against our decimal type.
#include "calc/money.hpp"
#include "calc/rounding_policy.hpp"
#include "calc/number_text.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace {

TEST(MoneyVectors, EveryRowAgreesToThePenny) {
    std::ifstream in(DEDELEG_TEST_DATA "/money_vectors.tsv");
    ASSERT_TRUE(in) << "missing tests/data/money_vectors.tsv";
    std::string line;
    int rows = 0, ties = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string rate, count, mode, expected, exact, tie;
        std::getline(fields, rate, '\t');
        std::getline(fields, count, '\t');
        std::getline(fields, mode, '\t');
        std::getline(fields, expected, '\t');
        std::getline(fields, exact, '\t');
        std::getline(fields, tie, '\t');

        const auto rounding = calc::rounding_mode_from_name(mode);
        ASSERT_TRUE(rounding) << "unknown mode " << mode;
        const calc::ExactAmount product =
            calc::Rate{calc::parse_number(rate).value} * calc::Count{calc::parse_number(count).value};
        ASSERT_EQ(product.value, calc::parse_number(exact).value) << line;
        const calc::RoundingPolicy policy{calc::RoundingPoint::per_school_per_service, 2, *rounding};  // the engine's
        ASSERT_EQ(policy.round(product).value.to_string(),
                  calc::parse_number(expected).value.to_fixed(2))
            << line;
        ++rows;
        ties += tie == "1";
    }
    EXPECT_EQ(rows, 10500);
    EXPECT_GT(ties, 2000);  // the file is meant to be about a quarter ties
}

}  // namespace
