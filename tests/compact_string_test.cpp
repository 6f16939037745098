// calc::CompactString: a school's text in 16 bytes, read back exactly at every
// length, through copies, moves, swaps and reassignment (ASan checks the heap).
#include "calc/compact_string.hpp"

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

using calc::CompactString;

namespace {

std::string text_of_length(std::size_t n, char first) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += static_cast<char>(first + static_cast<char>(i % 26));
    return s;
}

}  // namespace

TEST(CompactString, ReadsBackEveryLengthAroundTheInlineLimit) {
    for (std::size_t n : {0u, 1u, 6u, 7u, 8u, 14u, 15u, 16u, 17u, 31u, 32u, 200u, 70000u}) {
        SCOPED_TRACE(n);
        const std::string text = text_of_length(n, 'a');
        const CompactString s(text);
        EXPECT_EQ(s.size(), n);
        EXPECT_EQ(s.empty(), n == 0);
        EXPECT_EQ(s.view(), text);
        EXPECT_EQ(std::string(s.c_str()), text) << "c_str ends where the text ends";
        EXPECT_EQ(s.c_str()[n], '\0');
    }
}

TEST(CompactString, KeepsBytesAStringWouldKeep) {
    const std::string with_nul("a\0b", 3);
    EXPECT_EQ(CompactString(std::string_view(with_nul)).view(), with_nul);
    const std::string utf8 = "St Mary\xE2\x80\x99s Church of England Primary School";
    EXPECT_EQ(CompactString(utf8).view(), utf8);
}

TEST(CompactString, CopiesMovesAndSwapsKeepEachText) {
    std::mt19937 random(7);
    std::vector<std::string> texts;
    std::vector<CompactString> kept;
    for (int i = 0; i < 2000; ++i) {
        const std::string t = text_of_length(random() % 40, static_cast<char>('a' + random() % 20));
        texts.push_back(t);
        kept.emplace_back(t);  // the vector grows: every element is moved several times
    }
    for (int i = 0; i < 5000; ++i) {
        const std::size_t a = random() % kept.size(), b = random() % kept.size();
        switch (random() % 4) {
            case 0: kept[a] = kept[b]; texts[a] = texts[b]; break;
            case 1: kept[a].swap(kept[b]); std::swap(texts[a], texts[b]); break;
            case 2: { CompactString moved(std::move(kept[a])); EXPECT_TRUE(kept[a].empty()); kept[a] = std::move(moved); break; }
            case 3: kept[a] = std::string_view(texts[b]); texts[a] = texts[b]; break;
        }
    }
    const CompactString& same = kept[3];
    kept[3] = same;  // self-assignment keeps the text
    for (std::size_t i = 0; i < kept.size(); ++i) ASSERT_EQ(kept[i].view(), texts[i]) << i;
}

TEST(CompactString, ComparesJoinsAndPrintsAsItsText) {
    const CompactString urn("102268"), name("Ardleigh Green Junior School");
    EXPECT_TRUE(urn == "102268");
    EXPECT_TRUE(urn == std::string("102268"));
    EXPECT_FALSE(urn == CompactString("102269"));
    EXPECT_TRUE(CompactString("102268") < CompactString("102269"));
    EXPECT_EQ("URN " + urn + ": " + name, "URN 102268: Ardleigh Green Junior School");
    std::ostringstream out;
    out << name;
    EXPECT_EQ(out.str(), "Ardleigh Green Junior School");
    EXPECT_EQ(name.find("Green"), 9u);
    EXPECT_EQ(sizeof(CompactString), 16u);
}
