// The what-if scenario (app/) the GUI drives, without a display.
#include "app/scenario.hpp"

#include "app/edits.hpp"
#include "calc/diagnostic.hpp"

#include "calc/number_text.hpp"
#include "census/census_loader.hpp"
#include "cli_run.hpp"
#include "io/text_file.hpp"
#include "calc/per_school.hpp"
#include "rates/schedule_loader.hpp"
#include "rates/schedule_writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

namespace {

calc::Decimal d(const char* text) { return calc::parse_number(text).value; }

const std::string kRates = DEDELEG_SOURCE_DIR "/rates/havering/2025-26.toml";
const std::string kBaseline = DEDELEG_SOURCE_DIR "/rates/havering/2024-25.toml";
const std::string kCensus = DEDELEG_SOURCE_DIR "/census/samples/havering-2023.csv";

class ScenarioTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir = testing_cli::scratch("session");
        recovery = (dir / "recovery.toml").string();
        session = std::make_unique<app::Scenario>(census::load_census_file(kCensus), rates::load_schedule_file(kBaseline),
                                                  rates::load_schedule_file(kRates));
        inputs = app::identify_inputs(kCensus, kRates, kBaseline);
        session->autosave_to(recovery, inputs);
    }
    std::size_t service(const std::string& id) const {
        const auto& services = session->proposal().services;
        for (std::size_t i = 0; i < services.size(); ++i)
            if (services[i].id == id) return i;
        throw std::runtime_error("no service " + id);
    }
    // What the engine says, computed afresh, for comparison with the session's incremental figures.
    calc::Calculation fresh() const { return calc::calculate(session->census(), session->proposal()); }

    std::filesystem::path dir;
    std::string recovery;
    app::InputIdentity inputs;
    std::unique_ptr<app::Scenario> session;
};

TEST_F(ScenarioTest, EditingARateMovesEverySchoolExactlyAsTheEngineDoes) {
    const std::size_t m = service("maternity");
    session->set_rate(m, calc::Factor::AWPU, d("41.08"));
    const calc::Calculation engine = fresh();
    EXPECT_EQ(session->proposal_result().services[m].sum_of_rounded, engine.services[m].sum_of_rounded);
    EXPECT_EQ(session->proposal_result().sum_of_rounded, engine.sum_of_rounded);
    EXPECT_EQ(session->proposal_result().exact_total, engine.exact_total);
    EXPECT_EQ(session->summary(m).exact_total.value, d("717503.28"));  // 41.08 × 17,466
    const auto totals = calc::school_totals(engine, session->census().schools.size());
    EXPECT_EQ(session->proposal_totals(), totals);
}

TEST_F(ScenarioTest, SteppingByPenniesAndTenPence) {
    const std::size_t m = service("maternity");
    session->step_rate(m, calc::Factor::AWPU, d("0.10"));
    session->step_rate(m, calc::Factor::AWPU, d("0.01"));
    EXPECT_EQ(session->proposal().services[m].options[0].rates[0].second.value, d("40.60"));
    session->step_rate(m, calc::Factor::AWPU, d("-100"));  // a step down stops at £0, never below
    EXPECT_EQ(session->proposal().services[m].options[0].rates[0].second.value, d("0"));
}

TEST_F(ScenarioTest, VotingAPhaseOutRemovesThoseSchoolsCharges) {
    const std::size_t si = service("school-improvement");
    EXPECT_EQ(session->summary(si).schools_charged, 39u);
    session->set_phase(si, calc::Phase::special, false);
    EXPECT_EQ(session->summary(si).schools_charged, 38u);  // Corbets Tey no longer charged
    for (const auto& c : session->proposal_result().services[si].charges)
        EXPECT_NE(session->census().schools[c.school].phase, calc::Phase::special);
    session->set_phase(si, calc::Phase::primary, false);
    EXPECT_EQ(session->summary(si).schools_charged, 0u);
    EXPECT_EQ(session->proposal_totals(), calc::school_totals(fresh(), session->census().schools.size()));
}

TEST_F(ScenarioTest, ChoosingAnOptionChargesIt) {
    const std::size_t tu = service("trade-union");
    session->select_option(tu, 1);
    EXPECT_EQ(session->summary(tu).exact_total.value, d("51699.36"));
}

TEST_F(ScenarioTest, UndoRestoresThePreviousStateBitForBit) {
    const calc::Schedule before = session->proposal();
    const auto totals_before = session->proposal_totals();
    const auto pennies_before = session->proposal_result().sum_of_rounded;
    session->set_rate(service("eal"), calc::Factor::EAL3, d("40"));
    session->set_phase(service("insurance"), calc::Phase::primary, false);
    session->select_option(service("trade-union"), 1);
    ASSERT_TRUE(session->undo());
    ASSERT_TRUE(session->undo());
    ASSERT_TRUE(session->undo());
    EXPECT_FALSE(session->undo());
    EXPECT_EQ(rates::write_schedule(session->proposal()), rates::write_schedule(before));
    EXPECT_EQ(session->proposal_totals(), totals_before);
    EXPECT_EQ(session->proposal_result().sum_of_rounded, pennies_before);
    ASSERT_TRUE(session->redo());
    EXPECT_EQ(session->proposal().services[service("eal")].options[0].rates[0].second.value, d("40"));
}

TEST_F(ScenarioTest, SaveThenReloadRoundTrips) {
    session->set_rate(service("maternity"), calc::Factor::AWPU, d("41.08"));
    session->set_phase(service("behaviour-support"), calc::Phase::primary, false);
    const std::string path = (dir / "scenario.toml").string();
    session->save_scenario(path);
    const calc::Schedule again = rates::load_schedule_file(path);
    EXPECT_EQ(rates::write_schedule(again), rates::write_schedule(session->proposal()));
}

// Save scenario after every kind of edit writes a schedule `dedeleg validate` accepts and that
// reloads to the same proposal: an edited derived rate is saved as the rate set, not a broken rule.
TEST_F(ScenarioTest, SavedAfterEveryKindOfEditTheScenarioValidatesAndReloads) {
    const std::size_t sd = service("statutory-duties");
    const std::size_t si = service("school-improvement");
    ASSERT_FALSE(session->proposal().services[sd].selected_option().derived.empty()) << "the shipped schedule derives this rate";
    const std::vector<std::pair<std::string, std::function<void()>>> edits = {
        {"a derived rate", [&] { session->set_rate(sd, calc::Factor::AWPU, d("20.00")); }},
        {"the rate a multiple is of", [&] { session->set_rate(si, calc::Factor::AWPU, d("3.50")); }},
        {"a step", [&] { session->step_rate(service("maternity"), calc::Factor::AWPU, d("0.01")); }},
        {"a phase out", [&] { session->set_phase(service("insurance"), calc::Phase::primary, false); }},
        {"a phase in", [&] { session->set_phase(service("insurance"), calc::Phase::secondary, true); }},
        {"an option", [&] { session->select_option(service("trade-union"), 1); }},
        {"undo", [&] { session->undo(); }},
        {"redo", [&] { session->redo(); }},
    };
    for (const auto& [what, edit] : edits) {
        edit();
        const std::string path = (dir / "saved.toml").string();
        session->save_scenario(path);
        const auto r = testing_cli::dedeleg("validate --rates '" + path + "' --census '" + kCensus + "'", dir);
        EXPECT_EQ(r.exit_code, 0) << "after " << what << ": " << r.err;
        EXPECT_EQ(rates::write_schedule(rates::load_schedule_file(path)), rates::write_schedule(session->proposal())) << what;
        // The recovery file of the same moment is offered back whole.
        const auto recovered = app::read_recovery(recovery, inputs);
        ASSERT_TRUE(recovered.proposal.has_value()) << what << ": " << recovered.problem;
        EXPECT_EQ(rates::write_schedule(*recovered.proposal), rates::write_schedule(session->proposal())) << what;
    }
}

// Save and export never replace an input of the session (the census, a schedule).
TEST_F(ScenarioTest, SaveAndExportRefuseToOverwriteAnInput) {
    const std::string census_copy = (dir / "census.csv").string();
    std::filesystem::copy_file(kCensus, census_copy);
    const std::string rates_copy = (dir / "rates.toml").string();
    std::filesystem::copy_file(kRates, rates_copy);
    app::Scenario s(census::load_census_file(census_copy), rates::load_schedule_file(kBaseline), rates::load_schedule_file(rates_copy));
    s.set_input_files({census_copy, rates_copy});
    const std::string census_before = testing_cli::slurp(census_copy), rates_before = testing_cli::slurp(rates_copy);
    EXPECT_THROW(s.save_scenario(census_copy), calc::InputError);
    EXPECT_THROW(s.save_scenario(rates_copy), calc::InputError);
    EXPECT_THROW(s.export_csv(census_copy), calc::InputError);
    EXPECT_EQ(testing_cli::slurp(census_copy), census_before);
    EXPECT_EQ(testing_cli::slurp(rates_copy), rates_before);
}

TEST_F(ScenarioTest, ExportedCsvEqualsDedelegCalcByteForByte) {
    session->set_rate(service("maternity"), calc::Factor::AWPU, d("41.08"));
    const std::string scenario = (dir / "scenario.toml").string();
    const std::string exported = (dir / "exported.csv").string();
    session->save_scenario(scenario);
    session->export_csv(exported);
    const auto r = testing_cli::dedeleg("calc --rates '" + scenario + "' --census '" + kCensus + "' --out cli.csv", dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(testing_cli::slurp(dir / "cli.csv"), testing_cli::slurp(exported));
}

TEST_F(ScenarioTest, EveryEditIsAutosavedForRecovery) {
    EXPECT_FALSE(app::read_recovery(recovery, inputs).proposal.has_value());
    session->set_rate(service("maternity"), calc::Factor::AWPU, d("41.08"));
    const auto recovered = app::read_recovery(recovery, inputs).proposal;
    ASSERT_TRUE(recovered.has_value());
    EXPECT_EQ(rates::write_schedule(*recovered), rates::write_schedule(session->proposal()));
    session->discard_recovery();
    EXPECT_FALSE(app::read_recovery(recovery, inputs).proposal.has_value());
}

TEST_F(ScenarioTest, SchoolsSortByChangeAndFilter) {
    session->set_rate(service("maternity"), calc::Factor::AWPU, d("41.08"));
    const auto rows = session->school_rows("", app::SchoolColumn::change, true);
    ASSERT_EQ(rows.size(), session->census().schools.size());
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto change = [&](std::size_t s) {
            return app::pennies(session->proposal_totals()[s]) - app::pennies(session->baseline_totals()[s]);
        };
        EXPECT_GE(change(rows[i - 1]), change(rows[i]));
    }
    const auto found = session->school_rows("corbets", app::SchoolColumn::name, false);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(session->census().schools[found[0]].urn, "102362");
    EXPECT_EQ(session->school_rows("102362", app::SchoolColumn::name, false), found);
    EXPECT_EQ(session->school_rows("special", app::SchoolColumn::name, false).size(), 3u);
}

}  // namespace

// Edits as text (the GUI's --edit, scripted sessions): every mistake is named, nothing is dropped.
TEST_F(ScenarioTest, RateEditsAreAppliedOrRefusedWithTheReason) {
    const std::size_t m = service("maternity");
    app::apply_rate_edit(*session, "maternity.AWPU=41.08");
    EXPECT_EQ(session->proposal().services[m].options[0].rates[0].second.value, d("41.08"));
    app::apply_rate_edit(*session, "maternity.awpu=41.0795");  // four places are a rate
    EXPECT_EQ(session->proposal().services[m].options[0].rates[0].second.value, d("41.0795"));
    const auto refused = [&](const std::string& edit, const std::string& why) {
        try {
            app::apply_rate_edit(*session, edit);
            ADD_FAILURE() << edit << " was accepted";
        } catch (const calc::InputError& e) {
            EXPECT_NE(e.diagnostics.at(0).to_string().find(why), std::string::npos) << e.diagnostics[0].to_string();
        }
    };
    refused("maternity.AWPU=-5", "cannot be negative");
    refused("maternity.AWPU=11.07951", "at most 4 decimal places");
    refused("maternity.FSM=3", "does not charge FSM");
    refused("maternity.BOGUS=3", "no factor \"BOGUS\"");
    refused("nosuch.AWPU=3", "no service \"nosuch\"");
    refused("maternity.AWPU=abc", "maternity.AWPU");
    refused("maternity.AWPU=5%", "not a percentage");
    refused("maternityAWPU", "write SERVICE.FACTOR=RATE");
    refused("maternity.AWPU=40,490", "ambiguous");
    EXPECT_EQ(session->proposal().services[m].options[0].rates[0].second.value, d("41.0795"));  // unchanged by refusals
}

// What it costs the school: a service voted out shows its baseline amount → £0, in the schedule's order.
TEST_F(ScenarioTest, AStatementShowsAVotedOutServiceAsBaselineToZero) {
    const std::size_t m = service("maternity");
    std::size_t school = 0;
    for (const calc::SchoolCharge& c : session->baseline_result().services[m].charges) school = c.school;
    session->set_phase(m, calc::Phase::primary, false);
    const app::SchoolStatement st = session->statement(school);
    ASSERT_GT(st.lines.size(), m);
    const app::StatementLine& l = st.lines[m];  // every service charges this primary: lines follow the schedule
    EXPECT_EQ(l.service_id, "maternity");
    EXPECT_TRUE(l.charged_before);
    EXPECT_FALSE(l.charged_now);
    EXPECT_EQ(l.proposal.value, d("0"));
    EXPECT_EQ(l.change().value, -l.baseline.value.with_scale(2));
    EXPECT_FALSE(l.factors.empty()) << "the baseline's working is shown";
    calc::Money before{d("0").with_scale(2)}, now{d("0").with_scale(2)};
    for (const app::StatementLine& x : st.lines) {
        before += x.baseline;
        now += x.proposal;
    }
    EXPECT_EQ(before, st.baseline_total);
    EXPECT_EQ(now, st.proposal_total);
}
