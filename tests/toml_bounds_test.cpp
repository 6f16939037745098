// TOML text is bounded before toml++ parses it: the inputs that exhausted its
// stack are refused with file:line, whichever loader reads them.
#include "calc/diagnostic.hpp"
#include "rates/ledger_loader.hpp"
#include "rates/schedule_loader.hpp"
#include "rates/toml_bounds.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace {

std::string refusal(const std::string& text) {
    try {
        rates::check_toml_bounds(text, "r.toml");
    } catch (const calc::InputError& e) {
        return e.diagnostics.front().to_string();
    }
    return "(accepted)";
}

std::string dotted_key(std::size_t parts) {
    std::string key = "a";
    for (std::size_t i = 1; i < parts; ++i) key += ".a";
    return key;
}

// The crash input of issue 13: 64 KB, one dotted key of 32,000 parts
// (SIGSEGV inside toml++ before the bound).
std::string crash_input() { return dotted_key(32000) + " = 1\n"; }

TEST(TomlBounds, TheDottedKeyCrashInputIsRefusedByEveryLoader) {
    const std::string text = crash_input();
    ASSERT_GE(text.size(), 64000u);
    const std::string expected = "r.toml:1: a dotted key of more than 16 parts (at most 16)";
    EXPECT_EQ(refusal(text), expected);
    try {
        rates::load_schedule(text, "r.toml");
        ADD_FAILURE() << "schedule accepted";
    } catch (const calc::InputError& e) {
        EXPECT_EQ(e.diagnostics.front().to_string(), expected);
    }
    try {
        rates::load_ledger("[ledger]\n" + text, "r.toml");
        ADD_FAILURE() << "ledger accepted";
    } catch (const calc::InputError& e) {
        EXPECT_EQ(e.diagnostics.front().to_string(), "r.toml:2: a dotted key of more than 16 parts (at most 16)");
    }
}

TEST(TomlBounds, LimitsAreExactAndLocated) {
    EXPECT_EQ(refusal(dotted_key(16) + " = 1\n"), "(accepted)");
    EXPECT_EQ(refusal("x = 1\n\n" + dotted_key(17) + " = 1\n"), "r.toml:3: a dotted key of more than 16 parts (at most 16)");
    // In a table header, quoted parts and spaces around dots count the same.
    EXPECT_EQ(refusal("[" + dotted_key(17) + "]\n"), "r.toml:1: a dotted key of more than 16 parts (at most 16)");
    EXPECT_EQ(refusal("[[a . \"b\" . 'c' . " + dotted_key(14) + "]]\n"),
              "r.toml:1: a dotted key of more than 16 parts (at most 16)");
    EXPECT_EQ(refusal("t = { " + dotted_key(17) + " = 1 }\n"), "r.toml:1: a dotted key of more than 16 parts (at most 16)");
    EXPECT_EQ(refusal(std::string(256, 'k') + " = 1\n"), "(accepted)");
    EXPECT_EQ(refusal("\n" + std::string(257, 'k') + " = 1\n"), "r.toml:2: a key of 257 bytes (at most 256)");
    EXPECT_EQ(refusal("\"" + std::string(300, 'k') + "\" = 1\n"), "r.toml:1: a key of 300 bytes (at most 256)");
    EXPECT_EQ(refusal("[" + std::string(300, 'k') + "]\n"), "r.toml:1: a key of 300 bytes (at most 256)");
    EXPECT_EQ(refusal("x = " + std::string(32, '[') + std::string(32, ']') + "\n"), "(accepted)");
    EXPECT_EQ(refusal("x = " + std::string(33, '[') + std::string(33, ']') + "\n"),
              "r.toml:1: arrays or inline tables nested more than 32 deep");
    EXPECT_EQ(refusal("x = " + std::string(20, '[') + std::string(20, '{') + "\n"),
              "r.toml:1: arrays or inline tables nested more than 32 deep");
    EXPECT_EQ(refusal(std::string((1 << 20) + 1, '#')), "r.toml: larger than 1048576 bytes (1048577); a schedule or ledger is a few KB");
}

TEST(TomlBounds, TextInStringsAndCommentsNeverCounts) {
    const std::string long_value(5000, 'v');
    EXPECT_EQ(refusal("note = \"" + long_value + "\"\n"), "(accepted)");
    EXPECT_EQ(refusal("note = \"" + dotted_key(100) + "\"\n"), "(accepted)");
    EXPECT_EQ(refusal("note = '" + std::string(100, '[') + "'\n"), "(accepted)");
    EXPECT_EQ(refusal("# " + dotted_key(100) + std::string(100, '{') + "\nx = 1\n"), "(accepted)");
    EXPECT_EQ(refusal("note = \"\"\"\nline \\\" [[[[\n" + dotted_key(100) + "\n\"\"\"\n" + dotted_key(17) + " = 1\n"),
              "r.toml:5: a dotted key of more than 16 parts (at most 16)");
    EXPECT_EQ(refusal("note = '''\n" + std::string(40, '{') + "\n''''\n" + dotted_key(17) + " = 1\n"),
              "r.toml:4: a dotted key of more than 16 parts (at most 16)");
    // Unclosed strings and other broken TOML are left to toml++'s own message.
    EXPECT_EQ(refusal("x = \"unclosed\ny = 1\n"), "(accepted)");
    EXPECT_EQ(refusal("x = \"\"\"never closed\\"), "(accepted)");
}

TEST(TomlBounds, ShippedFilesAreWellWithinTheBounds) {
    for (const char* path : {"/rates/havering/2024-25.toml", "/rates/havering/2025-26.toml", "/model/havering/maternity.toml"}) {
        std::ifstream in(std::string(DEDELEG_SOURCE_DIR) + path, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        ASSERT_FALSE(text.str().empty()) << path;
        EXPECT_EQ(refusal(text.str()), "(accepted)") << path;
    }
}

}  // namespace
