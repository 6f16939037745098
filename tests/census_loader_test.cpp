#include "census/census_loader.hpp"

#include "calc/deduction.hpp"
#include "calc/number_text.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <utility>

namespace {

calc::Decimal d(const char* text) { return calc::parse_number(text).value; }

// The first problem reported for `text`, as file:line: column: message.
std::string first_problem(const std::string& text) {
    try {
        census::load_census(text, "c.csv");
    } catch (const calc::InputError& e) {
        return e.diagnostics.front().to_string();
    }
    return "(accepted)";
}

const std::string kHeader = "URN,LAESTAB,School,Phase,Governance,NOR,FSM\n";

TEST(CensusLoader, ReadsCountsAndProportionsExactly) {
    const auto c = census::load_census(
        "urn,School,PHASE,Governance,NOR,FSM,EAL3_prop,Places,Exempt\n"
        "100001,A,primary,maintained,401,54.5,0.05794399,,insurance; maternity\n"
        "100002,B,Special,maintained,150,10,12.5%,156.5,\n",
        "c.csv");
    ASSERT_EQ(c.schools.size(), 2u);
    const calc::School& a = c.schools[0];
    EXPECT_EQ(a.nor, 401);
    EXPECT_EQ(a.census[calc::index_of(calc::Factor::FSM)], d("54.5"));
    EXPECT_EQ(a.census[calc::index_of(calc::Factor::EAL3)].to_string(), "23.23553999");  // 401 × 0.05794399
    EXPECT_EQ(a.exempt, (std::vector<std::string>{"insurance", "maternity"}));
    EXPECT_EQ(a.source_line, 2);
    EXPECT_EQ(c.schools[1].phase, calc::Phase::special);
    EXPECT_EQ(c.schools[1].places(), d("156.5"));
    EXPECT_EQ(c.schools[1].census[calc::index_of(calc::Factor::EAL3)], d("18.75"));  // 150 × 12.5%
}

TEST(CensusLoader, AcceptsWhatSpreadsheetsWrite) {
    const auto c = census::load_census(
        "\xEF\xBB\xBFURN,School,Phase,Governance,NOR,FSM\r\n"
        "\r\n"
        "100001,\"Smith, Jones \"\"and\"\" Co\nPrimary\",primary,maintained,\"1,234\",12\r\n"
        "100002,B,primary,academy,20,0\r\n",
        "c.csv");
    ASSERT_EQ(c.schools.size(), 2u);
    EXPECT_EQ(c.schools[0].name, "Smith, Jones \"and\" Co\nPrimary");
    EXPECT_EQ(c.schools[0].nor, 1234);
    EXPECT_EQ(c.schools[1].source_line, 5);  // the quoted newline and blank line still count
}

struct Bad {
    std::string text;
    std::string problem;
};

TEST(CensusLoader, RefusesMalformedInputWithFileLineAndColumn) {
    const Bad cases[] = {
        {"", "c.csv:1: empty file: a census needs a header row and schools"},
        {kHeader, "c.csv:1: no schools below the header"},
        {"School,Phase,Governance,NOR\nA,primary,maintained,1\n", "c.csv:1: missing required column URN"},
        {"URN,Phase,Governance,NOR,FSM_6\n", "c.csv:1: FSM_6: unknown column"},
        {"URN,Phase,Governance,NOR,nor\n", "c.csv:1: nor: NOR given twice (names are not case-sensitive)"},
        {"URN,Phase,Governance,NOR,FSM,FSM_prop\n", "c.csv:1: FSM_prop: both a count and a _prop column for FSM; give one"},
        {kHeader + "1,,A,primary,maintained,10,1\n1,,B,primary,maintained,10,1\n", "c.csv:3: URN: URN 1 already given on line 2"},
        {kHeader + ",,A,primary,maintained,10,1\n", "c.csv:2: URN: missing; every school needs its URN"},
        {kHeader + "1,,A,infant,maintained,10,1\n", "c.csv:2: Phase: unknown phase \"infant\""},
        {kHeader + "1,,A,primary,free school,10,1\n", "c.csv:2: Governance: unknown governance \"free school\""},
        {kHeader + "1,,A,primary,maintained,10.5,1\n", "c.csv:2: NOR: pupils on roll must be a whole number: \"10.5\""},
        {kHeader + "1,,A,primary,maintained,-10,1\n", "c.csv:2: NOR: negative: \"-10\""},
        {kHeader + "1,,A,primary,maintained,10,ten\n", "c.csv:2: FSM: not a number: \"ten\""},
        {kHeader + "1,,A,primary,maintained,10,zz\n", "c.csv:2: FSM: not a number: \"zz\""},
        {kHeader + "1,,A,primary,maintained,10,-1\n", "c.csv:2: FSM: negative: \"-1\""},
        {kHeader + "1,,A,primary,maintained,10,11\n", "c.csv:2: FSM: count 11 is above NOR 10"},
        {kHeader + "1,,A,primary,maintained,,1\n", "c.csv:2: NOR: empty; write 0 if there are none"},
        {kHeader + "1,,A,primary,maintained,10,5%\n", "c.csv:2: FSM: a percentage where a count is expected"},
        {"URN,Phase,Governance,NOR,FSM_prop\n1,primary,maintained,10,1.2\n", "c.csv:2: FSM_prop: proportion above 1"},
        {kHeader + "1,,A,primary,maintained,10\n", "c.csv:2: row has 6 fields, header has 7"},
        {kHeader + "1,,\"A,primary,maintained,10,1\n", "c.csv:2: malformed CSV: a quoted field is never closed"},
        {kHeader + "1,,St Thomas \xE0 Becket,primary,maintained,10,1\n", "c.csv:2: byte 0xE0 at byte 14 is not UTF-8"},
        {"URN,Phase,Governance,NOR,Exempt\n1,primary,maintained,10,Insurance\n", "c.csv:2: Exempt: not a service id: \"Insurance\""},
    };
    for (const Bad& c : cases) {
        const std::string got = first_problem(c.text);
        EXPECT_EQ(got.substr(0, c.problem.size()), c.problem) << "input:\n" << c.text;
    }
}

// URNs are told apart by number across the whole range (kept as bits in
// blocks of 65,536), and a repeat names the line the URN was first given on.
TEST(CensusLoader, EveryRepeatedUrnIsFoundAcrossTheRange) {
    std::string text = kHeader;
    const char* urns[] = {"1", "65535", "65536", "65537", "131072", "99999999", "12345678", "99999998"};
    for (const char* urn : urns) text += std::string(urn) + ",,A,primary,maintained,10,1\n";
    EXPECT_EQ(first_problem(text), "(accepted)");
    text += "65536,,B,primary,maintained,10,1\n99999999,,C,primary,maintained,10,1\n65535,,D,primary,maintained,10,1\n";
    try {
        census::load_census(text, "c.csv");
        FAIL() << "repeats accepted";
    } catch (const calc::InputError& e) {
        ASSERT_EQ(e.diagnostics.size(), 3u);
        EXPECT_EQ(e.diagnostics[0].to_string(), "c.csv:10: URN: URN 65536 already given on line 4");
        EXPECT_EQ(e.diagnostics[1].to_string(), "c.csv:11: URN: URN 99999999 already given on line 7");
        EXPECT_EQ(e.diagnostics[2].to_string(), "c.csv:12: URN: URN 65535 already given on line 3");
    }
}

// Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not
// UTF-8 (a name holding one would be refused by a spreadsheet or a browser).
TEST(CensusLoader, RefusesBytesThatOnlyLookLikeUtf8) {
    for (const char* bad : {"\xE0\x80\x80", "\xED\xA0\x80", "\xF0\x80\x80\x80", "\xF4\x90\x80\x80", "\xC0\x80"}) {
        const std::string text = kHeader + "1,,A" + bad + "B,primary,maintained,10,1\n";
        char expected[32];
        std::snprintf(expected, sizeof expected, "c.csv:2: byte 0x%02X at byte", static_cast<unsigned char>(bad[0]));
        EXPECT_EQ(first_problem(text).substr(0, std::strlen(expected)), expected)
            << ::testing::PrintToString(std::string(bad));
    }
    for (const char* good : {"\xE2\x80\x99", "\xED\x9F\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "\xC3\xA9"})
        EXPECT_EQ(first_problem(kHeader + "1,,A" + good + "B,primary,maintained,10,1\n"), "(accepted)")
            << ::testing::PrintToString(std::string(good));
}

TEST(CensusLoader, RefusesValuesThatWouldOverflow) {
    EXPECT_EQ(first_problem(kHeader + "1,,A,primary,maintained,99999999999999999999999,1\n").substr(0, 30),
              "c.csv:2: NOR: more than 10,000");
    EXPECT_EQ(first_problem(kHeader + "1,,A,primary,maintained,10,1" + std::string(40, '0') + "\n"),
              "c.csv:2: FSM: too many digits (at most 38): \"1" + std::string(40, '0') + "\"");
    EXPECT_EQ(first_problem(kHeader + "1,,A,primary,maintained,10,0." + std::string(31, '1') + "\n").substr(0, 40),
              "c.csv:2: FSM: more than 30 decimal place");
    // A count is bounded even where NOR on its row is unreadable (found by the census fuzzer:
    // it escaped as an overflow with no file or line).
    EXPECT_EQ(first_problem(kHeader + "1,,A,primary,maintained,x,99999999999999999999\n"),
              "c.csv:2: NOR: not a number: \"x\"");
    try {
        census::load_census(kHeader + "1,,A,primary,maintained,x,99999999999999999999\n", "c.csv");
        ADD_FAILURE() << "accepted";
    } catch (const calc::InputError& e) {
        ASSERT_EQ(e.diagnostics.size(), 2U);
        EXPECT_EQ(e.diagnostics[1].to_string(), "c.csv:2: FSM: more than 10,000,000: \"99999999999999999999\"");
    }
}

TEST(CensusLoader, RefusesAGiantLine) {
    const std::string line(2 << 20, 'x');
    EXPECT_EQ(first_problem(kHeader + line + "\n"), "c.csv:2: line longer than 1 MiB; is this a census CSV?");
}

TEST(CensusLoader, ReportsEveryBadRowNotJustTheFirst) {
    try {
        census::load_census(kHeader + "1,,A,primary,maintained,x,1\n2,,B,primary,maintained,10,y\n", "c.csv");
        FAIL();
    } catch (const calc::InputError& e) {
        ASSERT_EQ(e.diagnostics.size(), 2u);
        EXPECT_EQ(e.diagnostics[0].line, 2);
        EXPECT_EQ(e.diagnostics[1].line, 3);
    }
}

TEST(CensusLoader, ExemptionsMustNameAService) {
    const auto c = census::load_census("URN,Phase,Governance,NOR,Exempt\n1,primary,maintained,10,insurence\n", "c.csv");
    calc::Schedule s;
    s.year = "2025-26";
    s.services.resize(1);
    s.services[0].id = "insurance";
    const auto problems = census::check_exemptions(c, s);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].to_string(), "c.csv:2: Exempt: no service \"insurence\" in the 2025-26 schedule (insurance)");
}

}  // namespace

namespace {

calc::Service service(const char* id, const char* name, calc::ServiceKind kind, std::vector<calc::Phase> phases,
                      std::vector<std::pair<calc::Factor, const char*>> rates) {
    calc::Service s;
    s.id = id;
    s.name = name;
    s.kind = kind;
    s.phases = std::move(phases);
    calc::RateOption o;
    o.id = "proposed";
    for (const auto& [f, r] : rates) o.rates.push_back({f, calc::Rate{d(r)}});
    s.options.push_back(o);
    return s;
}

calc::Schedule fsm_and_places() {
    calc::Schedule s;
    s.year = "2025-26";
    s.services.push_back(service("fsm-eligibility", "Free school meals eligibility checking", calc::ServiceKind::de_delegated,
                                 {calc::Phase::primary}, {{calc::Factor::FSM, "6.255"}}));
    s.services.push_back(service("statutory", "Statutory duties", calc::ServiceKind::education_function,
                                 {calc::Phase::primary, calc::Phase::special},
                                 {{calc::Factor::AWPU, "19.33"}, {calc::Factor::EAL3, "1.00"}, {calc::Factor::PLACE, "45"}}));
    return s;
}

std::string problems_of(const std::string& text, const calc::Schedule& schedule) {
    std::string out;
    for (const auto& d : census::check_exemptions(census::load_census(text, "census.csv"), schedule))
        out += d.to_string() + "\n";
    return out;
}

}  // namespace

TEST(CensusNoCount, BlankAndDfeMarkersAreRecordedNotGuessed) {
    const auto c = census::load_census("URN,Phase,Governance,NOR,Places,FSM,EAL3_prop,LPA,IDACI_A\n"
                                       "1,special,maintained,80,90,,z,x,C\n"
                                       "2,primary,maintained,100,,9,0.5,1,2\n",
                                       "c.csv");
    const calc::School& s = c.schools[0];
    EXPECT_EQ(s.no_count[calc::index_of(calc::Factor::FSM)], calc::NoCount::blank);
    EXPECT_EQ(s.no_count[calc::index_of(calc::Factor::EAL3)], calc::NoCount::not_applicable);
    EXPECT_EQ(s.no_count[calc::index_of(calc::Factor::LPA)], calc::NoCount::not_available);
    EXPECT_EQ(s.no_count[calc::index_of(calc::Factor::IDACI_A)], calc::NoCount::suppressed);
    EXPECT_TRUE(calc::has_count(s, calc::Factor::PLACE));
    EXPECT_EQ(s.places(), d("90"));
    const calc::School& p = c.schools[1];
    EXPECT_FALSE(calc::has_count(p, calc::Factor::PLACE));
    EXPECT_TRUE(calc::has_count(p, calc::Factor::FSM));
    EXPECT_EQ(p.census[calc::index_of(calc::Factor::EAL3)], d("50"));
}

TEST(CensusNoCount, AcceptedWhereNoChargeNeedsIt) {
    // A special school's pupil factors, an academy's, a primary's blank Places,
    // a factor with no rate: none can change a charge.
    const std::string text = "URN,Phase,Governance,NOR,Places,FSM,EAL3,LPA\n"
                             "1,special,maintained,80,90,,z,x\n"
                             "2,primary,academy,100,,c,,\n"
                             "3,primary,maintained,100,,9,4,\n";
    EXPECT_EQ(problems_of(text, fsm_and_places()), "");
    const auto c = census::load_census(text, "census.csv");
    const calc::Calculation calc = calc::calculate(c, fsm_and_places());
    EXPECT_EQ(calc.services[0].charges.size(), 1u);                     // only the maintained primary
    EXPECT_EQ(calc.services[0].sum_of_rounded.value, d("56.30"));       // 9 × £6.255 = £56.295
    EXPECT_EQ(calc.services[1].sum_of_rounded.value, d("5987.00"));     // 90 × £45 + 100 × £19.33 + 4 × £1
}

TEST(CensusNoCount, RefusedNamingSchoolFactorAndServiceWhereAChargeNeedsIt) {
    const std::string text = "URN,Phase,Governance,NOR,Places,FSM,EAL3\n"
                             "1,special,maintained,80,x,,\n"
                             "2,primary,maintained,100,,,1\n"
                             "3,primary,maintained,100,,9,c\n";
    const std::string expected =
        "census.csv:3: FSM: blank, but \"Free school meals eligibility checking\" charges this maintained primary per FSM pupil\n"
        "census.csv:2: Places: \"x\" (not available), but \"Statutory duties\" charges this maintained special school per place\n"
        "census.csv:4: EAL3: \"c\" (suppressed), but \"Statutory duties\" charges this maintained primary per EAL3 pupil\n";
    EXPECT_EQ(problems_of(text, fsm_and_places()), expected);
    // The engine refuses too, rather than charging a blank as zero.
    const auto c = census::load_census(text, "census.csv");
    try {
        calc::calculate(c, fsm_and_places());
        ADD_FAILURE() << "a blank a charge needs was charged";
    } catch (const calc::InputError& e) {
        ASSERT_EQ(e.diagnostics.size(), 1u);
        EXPECT_EQ(e.diagnostics[0].line, 3);
    }
    // A zero rate needs no count.
    calc::Schedule zero = fsm_and_places();
    zero.services[0].options[0].rates[0].second = calc::Rate{d("0")};
    zero.services.pop_back();
    EXPECT_EQ(problems_of(text, zero), "");
}

TEST(CensusNoCount, AnAbsentColumnIsRefusedOnceNamingEveryServiceThatNeedsIt) {
    // Issue 18: a census without the FSM, EAL3 or Places column was charged £0
    // on them (calc exited 0; validate said every count was there), while a
    // blank cell in the same column was refused.
    const std::string text = "\nURN,Phase,Governance,NOR\n"
                             "1,special,maintained,80\n"
                             "2,primary,maintained,100\n"
                             "3,primary,maintained,120\n";
    const std::string expected =
        "census.csv:2: FSM: no such column in the census, but \"Free school meals eligibility checking\" charges "
        "maintained primary schools per FSM pupil; add the column (0 for a school with none): a missing column is "
        "never taken as 0\n"
        "census.csv:2: EAL3: no such column in the census, but \"Statutory duties\" charges maintained primary schools "
        "per EAL3 pupil; add the column (0 for a school with none): a missing column is never taken as 0\n"
        "census.csv:2: Places: no such column in the census, but \"Statutory duties\" charges maintained special "
        "schools per place; add the column (0 for a school with none): a missing column is never taken as 0\n";
    EXPECT_EQ(problems_of(text, fsm_and_places()), expected);
    const auto c = census::load_census(text, "census.csv");
    try {
        calc::calculate(c, fsm_and_places());
        ADD_FAILURE() << "a column the census lacks was charged as 0";
    } catch (const calc::InputError& e) {
        ASSERT_EQ(e.diagnostics.size(), 1u);  // one problem for the column, not one a school
        EXPECT_EQ(e.diagnostics[0].column, "FSM");
        EXPECT_EQ(e.diagnostics[0].line, 2);
    }
    // Two services needing one absent column: one problem naming both.
    calc::Schedule two = fsm_and_places();
    two.services[1].options[0].rates = {{calc::Factor::FSM, calc::Rate{d("1")}}};
    two.services[1].phases = {calc::Phase::primary};
    EXPECT_EQ(problems_of(text, two),
              "census.csv:2: FSM: no such column in the census, but \"Free school meals eligibility checking\" charges "
              "maintained primary schools per FSM pupil and \"Statutory duties\" charges maintained primary schools per "
              "FSM pupil; add the column (0 for a school with none): a missing column is never taken as 0\n");
    // No school a charge reaches (academies only): the column is not needed.
    EXPECT_EQ(problems_of("URN,Phase,Governance,NOR\n2,primary,academy,100\n", fsm_and_places()), "");
}

TEST(CensusLoader, ADecimalCommaIsRefusedNotReadAsThousands) {
    // Issue 18: "0,125" was read as 125 pupils.
    EXPECT_EQ(first_problem(kHeader + "1,,A,primary,maintained,300,\"0,125\"\n"),
              "c.csv:2: FSM: a comma after a leading 0 (a decimal comma?); write decimals with a point, e.g. 0.125: "
              "\"0,125\"");
    EXPECT_EQ(first_problem("URN,Phase,Governance,NOR,FSM_prop\n1,primary,maintained,300,\"0,5\"\n"),
              "c.csv:2: FSM_prop: a comma after a leading 0 (a decimal comma?); write decimals with a point, e.g. 0.125: "
              "\"0,5\"");
    // "156,500" places or "1,125" FSM pupils may be a decimal comma: refused (the hostile review read 156.5 places as 156,500).
    EXPECT_EQ(first_problem(kHeader + "1,,A,primary,maintained,\"1,300\",\"1,125\"\n"),
              "c.csv:2: FSM: a thousands separator in a count that may have decimals is ambiguous: \"1,125\": write 1125 "
              "without the comma, or with a decimal point");
    EXPECT_EQ(first_problem("URN,Phase,Governance,NOR,Places\n1,special,maintained,156,\"156,500\"\n"),
              "c.csv:2: Places: a thousands separator in a count that may have decimals is ambiguous: \"156,500\": write "
              "156500 without the comma, or with a decimal point");
    // NOR is whole: its thousands stay thousands.
    EXPECT_EQ(census::load_census(kHeader + "1,,A,primary,maintained,\"1,300\",1125\n", "c.csv").schools[0].nor, 1300);
}

namespace {

// A school keeps each count in 16 bytes; it must read back digit for digit.
TEST(PackedCount, ACountReadsBackAsTheSameDecimal) {
    const calc::Census c = census::load_census(
        "URN,Phase,Governance,NOR,FSM,EAL3_prop,LPA_prop,Places\n"
        "100001,primary,maintained,200,30.500,0.50000000000000000000,0.123456789012,156.5\n",
        "c.csv");
    const calc::School& s = c.schools[0];
    EXPECT_EQ(calc::count_of(s, calc::Factor::FSM).to_string(), "30.500");
    // 0.5 with twenty places × 200 needs more than 64 bits of units: kept exact, trailing zeros dropped.
    EXPECT_EQ(calc::count_of(s, calc::Factor::EAL3).to_string(), "100");
    EXPECT_EQ(calc::count_of(s, calc::Factor::LPA).to_string(), "24.691357802400");
    EXPECT_EQ(calc::count_of(s, calc::Factor::PLACE).to_string(), "156.5");
    EXPECT_THROW(calc::PackedCount(calc::Decimal(-1)), calc::DecimalOverflow);
    EXPECT_LE(sizeof(calc::PackedCount), 16u);
}

// The census columns' counts are packed apart from their scales: each slot
// reads back as written, a slot's write leaves its neighbours alone, a count
// that cannot be held is refused, and the school record stays small.
TEST(PackedCount, CensusCountsKeepEachSlotApart) {
    calc::CensusCounts counts;
    const char* values[] = {"0", "30.500", "24.691357802400", "9999999.999999999999", "1"};
    for (std::size_t i = 0; i < std::size(values); ++i) counts[i] = d(values[i]);
    for (std::size_t i = 0; i < std::size(values); ++i) EXPECT_EQ(std::as_const(counts)[i].to_string(), values[i]);
    counts[2] = d("7");
    EXPECT_EQ(counts[1].to_string(), "30.500");
    EXPECT_EQ(counts[2].to_string(), "7");
    EXPECT_EQ(counts[3].to_string(), "9999999.999999999999");
    EXPECT_THROW(counts[0] = d("-1"), calc::DecimalOverflow);
    EXPECT_THROW(counts[0] = d("99999999999999999999.5"), calc::DecimalOverflow);
    EXPECT_EQ(counts[0].to_string(), "0");  // a refused write changes nothing
    EXPECT_LE(sizeof(calc::School), 200u);  // was 384 with thirteen 16-byte PackedCounts, 288 with std::string texts
}

}  // namespace
