// The native 128-bit Decimal against the Boost.Multiprecision one it replaced:
// on random values, every operation and every rounding mode gives the same
// text, and where one refuses (overflow) the other refuses too, except where
// the exact result needs the 128th bit Boost's sign-magnitude type had.
#include "calc/decimal.hpp"
#include "tests/boost_decimal.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>

namespace {

using calc::RoundingMode;

// A random value of up to `digits` digits at scale 0..12, as text, so both types read the same number.
std::string random_text(std::mt19937_64& rng, int max_digits) {
    const int digits = std::uniform_int_distribution<int>(1, max_digits)(rng);
    std::string units;
    for (int i = 0; i < digits; ++i) units += static_cast<char>('0' + rng() % 10);
    const int scale = std::uniform_int_distribution<int>(0, std::min(12, digits))(rng);
    std::string text = units;
    if (scale > 0) text.insert(text.size() - static_cast<std::size_t>(scale), ".");
    if (text.front() == '.') text.insert(0, "0");
    return rng() % 3 == 0 ? "-" + text : text;
}

// Both built from the same units and scale.
struct Pair {
    calc::Decimal native;
    reference::Decimal boost;
};

Pair make(const std::string& text) {
    std::string digits;
    int scale = 0;
    bool after_point = false;
    for (char c : text) {
        if (c == '.') after_point = true;
        else if (c != '-') {
            digits += c;
            if (after_point) ++scale;
        }
    }
    digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));  // Boost reads "012" as octal
    calc::Decimal::Units units = 0;
    for (char c : digits) units = units * 10 + (c - '0');
    if (text.front() == '-') units = -units;
    return {calc::Decimal::from_units(units, scale),
            reference::Decimal::from_units(reference::Decimal::Units(text.front() == '-' ? "-" + digits : digits), scale)};
}

// The result text, or nullopt when the operation refused.
template <class F>
std::optional<std::string> attempt(F&& f) {
    try {
        return f();
    } catch (const std::overflow_error&) {
        return std::nullopt;
    }
}

// Boost's magnitude had 128 bits, ours 127: a result between 2^127 and 2^128 is refused by us only.
bool needs_the_128th_bit(const std::string& boost_text) {
    std::string digits;
    for (char c : boost_text)
        if (c >= '0' && c <= '9') digits += c;
    const std::string two_to_127 = "170141183460469231731687303715884105728";
    const std::size_t first = digits.find_first_not_of('0');
    digits = first == std::string::npos ? "0" : digits.substr(first);
    return digits.size() > two_to_127.size() || (digits.size() == two_to_127.size() && digits >= two_to_127);
}

void expect_same(const std::optional<std::string>& native, const std::optional<std::string>& boost, const std::string& what) {
    if (native == boost) return;
    if (!native && boost && needs_the_128th_bit(*boost)) return;
    ADD_FAILURE() << what << ": native " << native.value_or("(refused)") << ", Boost " << boost.value_or("(refused)");
}

TEST(NativeDecimal, AgreesWithBoostOnRandomValuesInEveryMode) {
    std::mt19937_64 rng(20261124);
    int compared = 0;
    for (int i = 0; i < 20000; ++i) {
        const int width = i % 4 == 0 ? 38 : (i % 4 == 1 ? 20 : 9);  // huge, large and money-sized
        const std::string ta = random_text(rng, width), tb = random_text(rng, width);
        const Pair a = make(ta), b = make(tb);
        const std::string both = ta + " , " + tb;
        expect_same(attempt([&] { return (a.native + b.native).to_string(); }),
                    attempt([&] { return (a.boost + b.boost).to_string(); }), "sum " + both);
        expect_same(attempt([&] { return (a.native - b.native).to_string(); }),
                    attempt([&] { return (a.boost - b.boost).to_string(); }), "difference " + both);
        expect_same(attempt([&] { return (a.native * b.native).to_string(); }),
                    attempt([&] { return (a.boost * b.boost).to_string(); }), "product " + both);
        EXPECT_EQ(compare(a.native, b.native), compare(a.boost, b.boost)) << both;
        EXPECT_EQ(a.native.to_string(), a.boost.to_string());
        EXPECT_EQ(a.native.normalized().to_string(), a.boost.normalized().to_string());
        for (RoundingMode mode : calc::kAllRoundingModes) {
            const int places = static_cast<int>(rng() % 9) - 3;  // thousands to 5 places
            expect_same(attempt([&] { return a.native.round(places, mode).to_string(); }),
                        attempt([&] { return a.boost.round(places, mode).to_string(); }),
                        "round " + ta + " to " + std::to_string(places) + " " + std::string(calc::name_of(mode)));
            if (!b.native.is_zero()) {
                const int dp = static_cast<int>(rng() % 7);
                expect_same(attempt([&] { return calc::divide(a.native, b.native, dp, mode).to_string(); }),
                            attempt([&] { return reference::divide(a.boost, b.boost, dp, mode).to_string(); }),
                            "divide " + both + " to " + std::to_string(dp) + " " + std::string(calc::name_of(mode)));
            }
            ++compared;
        }
        if (::testing::Test::HasFailure()) break;  // one clear failure, not thousands
    }
    EXPECT_EQ(compared, 20000 * 7);
}

TEST(NativeDecimal, RefusesTheOneValueWhoseNegationDoesNotFit) {
    const calc::Decimal::Units min = -(calc::Decimal::Units(1) << 126) * 2;  // -2^127
    EXPECT_THROW(calc::Decimal::from_units(min, 0), calc::DecimalOverflow);
    const calc::Decimal max = calc::Decimal::from_units(-(min + 1), 0);
    EXPECT_THROW(-max - calc::Decimal(1), calc::DecimalOverflow);
    EXPECT_EQ((-max).to_string(), "-170141183460469231731687303715884105727");
}

}  // namespace

#include "calc/exact_sum.hpp"
#include "calc/number_text.hpp"

namespace {

// The engine's fast accumulator gives what adding one by one gives: the same
// value at the same scale, and the same refusal when the sum is too large.
TEST(ExactSum, EqualsAddingOneByOne) {
    std::mt19937_64 rng(77);
    for (int round = 0; round < 2000; ++round) {
        calc::ExactSum fast;
        std::optional<calc::Decimal> slow = calc::Decimal();
        bool fast_refused = false;
        const int terms = static_cast<int>(rng() % 30);
        const int width = round % 5 == 0 ? 38 : 12;
        for (int t = 0; t < terms; ++t) {
            std::string text = random_text(rng, width);
            if (width == 12 && round % 7 == 0 && t % 3 == 0)
                text += text.find('.') == std::string::npos ? ".00000000000000000" : "00000000000000000";  // > 16 places
            const calc::Decimal term = calc::parse_number(text).value;
            try {
                if (slow) slow = *slow + term;
            } catch (const calc::DecimalOverflow&) {
                slow.reset();
            }
            try {
                if (!fast_refused) fast += term;
            } catch (const calc::DecimalOverflow&) {
                fast_refused = true;
            }
        }
        ASSERT_EQ(fast_refused, !slow.has_value()) << "round " << round;
        if (slow) {
            const calc::Decimal got = fast.value();
            EXPECT_EQ(got.to_string(), slow->to_string()) << "round " << round;
        }
    }
}

}  // namespace
