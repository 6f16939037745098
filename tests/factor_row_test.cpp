// Built against the engine and loaders compiled with DEDELEG_TEST_FACTOR, which
// adds one row (MOBILITY, a census column, mainstream, _prop allowed) to
// calc/factors.def and touches no other file. The factor must then be loaded
// from a census and a schedule, charged, validated, and listed in errors.
#include "calc/deduction.hpp"
#include "calc/diagnostic.hpp"
#include "census/census_loader.hpp"
#include "rates/schedule_loader.hpp"

#include <gtest/gtest.h>

namespace {

const std::string kSchedule = R"([schedule]
authority = "Testshire"
year = "2025-26"

[[service]]
id = "mobility"
name = "Mobility support"
kind = "de-delegated"
phases = ["primary", "secondary"]
rates = { AWPU = "1.25", MOBILITY = "12.5" }
)";

std::string first_problem_of_census(const std::string& text) {
    try {
        census::load_census(text, "c.csv");
    } catch (const calc::InputError& e) {
        return e.diagnostics.front().to_string();
    }
    return "(accepted)";
}

TEST(FactorRow, ANewRowIsLoadedAndCharged) {
    const calc::Census census = census::load_census(
        "URN,Phase,Governance,NOR,MOBILITY\n100001,primary,maintained,200,14\n100002,secondary,maintained,1000,3.5\n"
        "100003,primary,academy,300,9\n",
        "c.csv");
    const calc::Schedule schedule = rates::load_schedule(kSchedule, "r.toml");
    const calc::Calculation calc = calc::calculate(census, schedule);
    ASSERT_EQ(calc.services.size(), 1u);
    const auto& charges = calc.services[0].charges;
    ASSERT_EQ(charges.size(), 2u);  // the academy is never charged
    EXPECT_EQ(charges[0].amount().value.to_string(), "425.00");   // 200 × 1.25 + 14 × 12.5
    EXPECT_EQ(charges[1].amount().value.to_string(), "1293.75");  // 1000 × 1.25 + 3.5 × 12.5
    EXPECT_EQ(calc.services[0].by_factor[calc::index_of(calc::Factor::MOBILITY)].value.to_string(), "218.75");
    const auto parts = calc::breakdown(census.schools[0], schedule.services[0], schedule.services[0].options[0]);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[1].factor, calc::Factor::MOBILITY);
    EXPECT_EQ(calc::label_of(parts[1].factor), "Mobility");
}

TEST(FactorRow, AProportionColumnIsReadAsTheRowAllows) {
    const calc::Census census =
        census::load_census("URN,Phase,Governance,NOR,MOBILITY_prop\n100001,primary,maintained,200,0.07\n", "c.csv");
    EXPECT_EQ(calc::count_of(census.schools[0], calc::Factor::MOBILITY).normalized().to_string(), "14");
}

TEST(FactorRow, ItIsValidatedAndListedInErrors) {
    EXPECT_EQ(first_problem_of_census("URN,Phase,Governance,NOR,MOBILITY\n100001,primary,maintained,200,-1\n"),
              "c.csv:2: MOBILITY: negative: \"-1\"");
    EXPECT_EQ(first_problem_of_census("URN,Phase,Governance,NOR,MOBILITY\n100001,primary,maintained,200,201\n"),
              "c.csv:2: MOBILITY: count 201 is above NOR 200");
    const std::string unknown = first_problem_of_census("URN,Phase,Governance,NOR,Movers\n100001,primary,maintained,200,1\n");
    EXPECT_NE(unknown.find("LPA[_prop], MOBILITY[_prop], Exempt)"), std::string::npos) << unknown;
    try {
        rates::load_schedule(kSchedule + "\n[[service]]\nid = \"x\"\nname = \"X\"\nkind = \"de-delegated\"\n"
                                         "phases = [\"primary\"]\nrates = { MOVERS = \"1\" }\n",
                             "r.toml");
        FAIL() << "an unknown factor was accepted";
    } catch (const calc::InputError& e) {
        EXPECT_EQ(e.diagnostics.front().to_string(),
                  "r.toml:17: x.rates.MOVERS: unknown factor (AWPU, FSM, FSM6, EAL3, IDACI_A..IDACI_F, LPA, PLACE, LUMP, "
                  "MOBILITY)");
    }
    EXPECT_NE(calc::factor_reference().find("  MOBILITY  Mobility: x the MOBILITY column (or MOBILITY_prop x NOR); "
                                            "mainstream schools\n"),
              std::string::npos)
        << calc::factor_reference();
    // A charge that needs the count refuses a school whose census left it blank.
    const calc::Census blank =
        census::load_census("URN,Phase,Governance,NOR,MOBILITY\n100001,primary,maintained,200,\n", "c.csv");
    try {
        calc::calculate(blank, rates::load_schedule(kSchedule, "r.toml"));
        FAIL() << "a blank MOBILITY count was charged";
    } catch (const calc::InputError& e) {
        EXPECT_EQ(e.diagnostics.front().to_string(),
                  "c.csv:2: MOBILITY: blank, but \"Mobility support\" charges this maintained primary per mobile pupil");
    }
}

}  // namespace
