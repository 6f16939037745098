// The history file: decisions, earlier rates, service figures and formula
// values read exactly; every mistake file:line: key: what is wrong.
#include "rates/history_loader.hpp"

#include "calc/diagnostic.hpp"

#include <gtest/gtest.h>

namespace {

const std::string kHead = "[history]\nauthority = \"Testshire\"\n";

std::string first_problem(const std::string& text) {
    try {
        rates::load_history(text, "h.toml");
    } catch (const calc::InputError& e) {
        return e.diagnostics.front().to_string();
    }
    return "(accepted)";
}

TEST(HistoryLoader, ReadsEachPart) {
    const auto h = rates::load_history(kHead + R"(
[[decision]]
year = "2024-25"
service = "Museum and library services"
requested = false
outcome = "n/a"

[[decision]]
year = "2024-25"
service = "Insurance"
id = "insurance"
requested = true
outcome = "agreed"

[[rates]]
service = "statutory-duties"
year = "2018-19"
rates = { AWPU = "19.89", PLACE = "44.00" }
note = "Introduced"

[[figure]]
service = "eal"
label = "Applications"
value = "105"

[[formula_value]]
year = "2025-26"
factor = "EAL3"
rate = "639.28"
)", "h.toml");
    EXPECT_EQ(h.authority, "Testshire");
    ASSERT_EQ(h.decisions.size(), 2u);
    EXPECT_FALSE(h.decisions[0].requested);
    EXPECT_EQ(h.decisions[0].outcome, rates::Decision::Outcome::not_applicable);
    EXPECT_EQ(h.decisions[1].id, "insurance");
    EXPECT_EQ(h.decisions[1].line, 10);
    ASSERT_EQ(h.rates.size(), 1u);
    ASSERT_EQ(h.rates[0].rates.size(), 2u);
    EXPECT_EQ(h.rates[0].rates[0].first, calc::Factor::AWPU);
    EXPECT_EQ(h.rates[0].rates[0].second.value.to_string(), "19.89");
    EXPECT_EQ(h.rates[0].rates[1].second.value.to_string(), "44.00");
    EXPECT_EQ(h.figures.at(0).value, "105");
    EXPECT_EQ(h.formula.at(0).factor, calc::Factor::EAL3);
    EXPECT_EQ(h.formula.at(0).rate.value.to_string(), "639.28");
}

TEST(HistoryLoader, RefusesMistakesWithFileAndLine) {
    const std::string decision = "\n[[decision]]\nyear = \"2024-25\"\nservice = \"Insurance\"\n";
    EXPECT_EQ(first_problem("[[decision]]\n"), "h.toml:1: history: missing [history] table");
    EXPECT_EQ(first_problem(kHead + decision + "requested = true\noutcome = \"yes\"\n"),
              "h.toml:8: decision.Insurance.outcome: \"yes\": agreed, not agreed or n/a");
    EXPECT_EQ(first_problem(kHead + decision + "requested = false\noutcome = \"agreed\"\n"),
              "h.toml:8: decision.Insurance.outcome: a service not requested has outcome \"n/a\"");
    EXPECT_EQ(first_problem(kHead + decision + "requested = \"yes\"\noutcome = \"agreed\"\n"),
              "h.toml:7: decision.Insurance.requested: give requested = true or false");
    EXPECT_EQ(first_problem(kHead + decision + "requested = true\noutcome = \"agreed\"\n" + decision +
                            "requested = true\noutcome = \"agreed\"\n"),
              "h.toml:10: decision.Insurance.service: decided twice in 2024-25");
    EXPECT_EQ(first_problem(kHead + "\n[[rates]]\nservice = \"eal\"\nyear = \"2023\"\nrates = { EAL3 = \"38\" }\n"),
              "h.toml:6: rates.eal.year: a year is written like 2024-25: \"2023\"");
    EXPECT_EQ(first_problem(kHead + "\n[[rates]]\nservice = \"eal\"\nyear = \"2023-24\"\nrates = { EAL9 = \"38\" }\n").substr(0, 41),
              "h.toml:7: rates.eal.rates.EAL9: unknown f");
    EXPECT_EQ(first_problem(kHead + "\n[[rates]]\nservice = \"eal\"\nyear = \"2023-24\"\nrates = { EAL3 = \"-38\" }\n"),
              "h.toml:7: rates.eal.rates.EAL3: a rate cannot be negative");
    EXPECT_EQ(first_problem(kHead + "\n[[rates]]\nservice = \"eal\"\nyear = \"2023-24\"\nrates = { EAL3 = \"38\" }\n"
                                    "\n[[rates]]\nservice = \"eal\"\nyear = \"2023-24\"\nrates = { EAL3 = \"39\" }\n"),
              "h.toml:9: rates.eal.year: 2023-24 given twice for eal");
    EXPECT_EQ(first_problem(kHead + "\n[[figure]]\nservice = \"eal\"\nlabel = \"Visits\"\nvalue = 105\n"),
              "h.toml:7: figure.value: write the value as text, as it is to be shown: value = \"105\"");
    EXPECT_EQ(first_problem(kHead + "\n[[figure]]\nservice = \"eal\"\nlabel = \"Visits\"\nvalue = \"1\"\ncolour = \"red\"\n"),
              "h.toml:8: figure.colour: unknown key (expected one of: service, label, value, note)");
    EXPECT_EQ(first_problem(kHead + "\n[[formula_value]]\nyear = \"2025-26\"\nfactor = \"EAL3\"\n"),
              "h.toml:4: formula_value.rate: missing");
}

}  // namespace
