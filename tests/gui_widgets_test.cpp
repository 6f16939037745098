// The live window's real panels, driven through their widgets (click, type,
// keys) with no display: every widget kind, on Havering and on Devon.
#include "gui_driver.hpp"

#include "app/edits.hpp"

#include "calc/effective_rates.hpp"
#include "calc/number_text.hpp"
#include "calc/per_school.hpp"
#include "cli_run.hpp"
#include "rates/schedule_loader.hpp"
#include "rates/schedule_writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace {

const std::string kDevon = DEDELEG_TEST_DATA "/devon";

calc::Decimal d(const char* text) { return calc::parse_number(text).value; }

std::unique_ptr<app::LiveSession> open(app::LiveSpec spec, const std::filesystem::path& dir) {
    if (spec.recovery_file.empty()) spec.recovery_file = (dir / "recovery.toml").string();
    return app::open_live_session(spec);
}

std::size_t service(const app::Scenario& s, const std::string& id) {
    for (std::size_t i = 0; i < s.proposal().services.size(); ++i)
        if (s.proposal().services[i].id == id) return i;
    throw std::runtime_error("no service " + id);
}

calc::Decimal rate(const app::Scenario& s, const std::string& id, calc::Factor f) {
    return s.proposal().services[service(s, id)].selected_option().rate_for(f)->value;
}

// The engine's figures afresh, against the scenario's incremental ones.
void expect_consistent(const app::Scenario& s) {
    const calc::Calculation fresh = calc::calculate(s.census(), s.proposal());
    EXPECT_EQ(s.proposal_totals(), calc::school_totals(fresh, s.census().schools.size()));
    EXPECT_EQ(s.proposal_result().sum_of_rounded, fresh.sum_of_rounded);
}

class Widgets : public ::testing::Test {
protected:
    void SetUp() override {
        dir = testing_cli::scratch("widgets");
        // A tall screen: every service's widgets are on it without scrolling.
        driver = std::make_unique<testing_gui::Driver>(open({}, dir), 1600, 3200);
    }
    std::filesystem::path dir;
    std::unique_ptr<testing_gui::Driver> driver;
};

TEST_F(Widgets, TypingAValidRateAppliesItAndAnInvalidOneStaysMarkedUntilEsc) {
    auto& s = driver->scenario();
    driver->type_into("rate:maternity.AWPU", "41.08");
    driver->key(ImGuiKey_Enter);
    EXPECT_EQ(rate(s, "maternity", calc::Factor::AWPU), d("41.08"));

    for (const char* bad : {"11.07951", "-5", "4..1"}) {
        driver->type_into("rate:maternity.AWPU", bad);
        driver->key(ImGuiKey_Enter);
        EXPECT_EQ(rate(s, "maternity", calc::Factor::AWPU), d("41.08")) << bad << " was applied";
        ASSERT_TRUE(driver->ui.rejected_rates.count("maternity.AWPU")) << bad << " was dropped silently";
        EXPECT_EQ(driver->ui.rejected_rates.at("maternity.AWPU").text, bad);
        EXPECT_FALSE(driver->ui.rejected_rates.at("maternity.AWPU").reason.empty());
    }
    driver->click("rate:maternity.AWPU");
    driver->key(ImGuiKey_Escape);
    EXPECT_FALSE(driver->ui.rejected_rates.count("maternity.AWPU")) << "Esc abandons the rejected text";
    driver->type_into("rate:maternity.AWPU", "41.0795");  // four places are a rate
    driver->key(ImGuiKey_Enter);
    EXPECT_EQ(rate(s, "maternity", calc::Factor::AWPU), d("41.0795"));
    expect_consistent(s);
}

TEST_F(Widgets, StepButtonsMoveByPenceAndTenthsOfAPenny) {
    auto& s = driver->scenario();
    driver->click("step:+10:maternity.AWPU");
    driver->click("step:+1:maternity.AWPU");
    EXPECT_EQ(rate(s, "maternity", calc::Factor::AWPU), d("40.60"));
    driver->click("step:-1:maternity.AWPU");
    EXPECT_EQ(rate(s, "maternity", calc::Factor::AWPU), d("40.59"));
    driver->type_into("rate:maternity.AWPU", "40.595");
    driver->key(ImGuiKey_Enter);
    driver->click("step:+.1:maternity.AWPU");  // a 3-place rate steps by 0.1p
    EXPECT_EQ(rate(s, "maternity", calc::Factor::AWPU), d("40.596"));
    expect_consistent(s);
}

// The crash this issue began with: a phase box or an option, then the school's tab.
TEST_F(Widgets, EveryPhaseBoxAndOptionThenTheSchoolsTabNeverCrashes) {
    auto& s = driver->scenario();
    driver->click("school:" + s.census().schools[0].urn);
    std::vector<std::string> boxes;
    for (const auto& [name, r] : driver->rects)
        if (name.rfind("phase:", 0) == 0) boxes.push_back(name);
    ASSERT_GE(boxes.size(), 8u * 3);
    for (const std::string& box : boxes) {
        const calc::Schedule before = s.proposal();
        driver->click(box);
        EXPECT_NE(rates::write_schedule(before), rates::write_schedule(s.proposal())) << box << " changed nothing";
        driver->click("tab:school");
        driver->click(box);
        expect_consistent(s);
    }
    std::vector<std::string> options;
    for (const auto& [name, r] : driver->rects)
        if (name.rfind("option:", 0) == 0) options.push_back(name);
    ASSERT_EQ(options.size(), 2u);  // trade union: unchanged or +5.5%
    const auto& tu = s.proposal().services[service(s, "trade-union")];
    options = {"option:trade-union:" + tu.options[0].id, "option:trade-union:" + tu.options[1].id};
    driver->click(options[1]);
    driver->click("tab:school");
    EXPECT_EQ(s.proposal().services[service(s, "trade-union")].selected, 1u);
    driver->click(options[0]);
    EXPECT_EQ(s.proposal().services[service(s, "trade-union")].selected, 0u);
    expect_consistent(s);
}

TEST_F(Widgets, SchoolSelectionTabsSortFilterAndAcademies) {
    auto& s = driver->scenario();
    const std::string urn = s.census().schools[3].urn;
    driver->click("school:" + urn);
    ASSERT_TRUE(driver->ui.selected_school.has_value());
    EXPECT_EQ(*driver->ui.selected_school, 3u);
    for (const char* tab : {"totals", "school", "forecast", "improvement"}) {
        driver->click(std::string("tab:") + tab);
        EXPECT_TRUE(driver->has(std::string("content:") + tab)) << tab;
    }
    driver->click("sort:Change");
    EXPECT_EQ(driver->ui.sort_column, app::SchoolColumn::change);
    driver->click("sort:School");
    EXPECT_EQ(driver->ui.sort_column, app::SchoolColumn::name);
    driver->type_into("filter", "corbets");
    EXPECT_EQ(driver->ui.rows.size(), 1u) << "filter \"" << driver->ui.filter << "\"";
    driver->type_into("filter", "");
    driver->key(ImGuiKey_Backspace);
    const std::size_t without = driver->ui.rows.size();
    driver->click("show-academies");
    EXPECT_GE(driver->ui.rows.size(), without);
}

TEST_F(Widgets, UndoRedoSaveExportAndScale) {
    auto& s = driver->scenario();
    driver->click("step:+1:maternity.AWPU");
    EXPECT_EQ(rate(s, "maternity", calc::Factor::AWPU), d("40.50"));
    driver->key(ImGuiKey_Z, true);
    EXPECT_EQ(rate(s, "maternity", calc::Factor::AWPU), d("40.49"));
    driver->key(ImGuiKey_Y, true);
    EXPECT_EQ(rate(s, "maternity", calc::Factor::AWPU), d("40.50"));
    driver->click("menu:Edit");
    driver->click("menu:undo");
    EXPECT_EQ(rate(s, "maternity", calc::Factor::AWPU), d("40.49"));

    const std::string saved = (dir / "saved.toml").string();
    driver->click("menu:File");
    driver->click("menu:save");
    driver->type_into("dialog:Save scenario:path", saved);
    driver->click("dialog:Save scenario:write");
    ASSERT_TRUE(std::filesystem::exists(saved)) << driver->ui.status;
    EXPECT_EQ(rates::load_schedule_file(saved).services.size(), s.proposal().services.size());

    const std::string exported = (dir / "exported.csv").string();
    driver->click("menu:File");
    driver->click("menu:export");
    driver->type_into("dialog:Export CSV:path", exported);
    driver->click("dialog:Export CSV:write");
    ASSERT_TRUE(std::filesystem::exists(exported)) << driver->ui.status;

    const float before = driver->ui.scale;
    driver->key(testing_gui::Driver::kZoomIn, true);
    EXPECT_FLOAT_EQ(driver->ui.scale, before + 0.25f);
    driver->key(testing_gui::Driver::kZoomOut, true);
    EXPECT_FLOAT_EQ(driver->ui.scale, before);
    driver->key(testing_gui::Driver::kPresent);
    EXPECT_TRUE(driver->ui.present);
    driver->click("present:back");
    EXPECT_FALSE(driver->ui.present);
}

// The Improvement tab: Havering's real inspections priced, the day rate typed live.
TEST_F(Widgets, TheImprovementTabPricesTheQaWorkWithALiveDayRate) {
    driver->click("tab:improvement");
    ASSERT_TRUE(driver->ui.improvement.costing.has_value());
    EXPECT_EQ(driver->ui.improvement.costing->years.front().school_cost, d("33550.00"));  // as `dedeleg improvement`
    driver->type_into("improvement:day-rate", "600");
    driver->key(ImGuiKey_Enter);
    EXPECT_EQ(driver->ui.improvement.costing->years.front().school_cost, d("36600.00"));  // 61 days × £600
    driver->type_into("improvement:day-rate", "-1");
    driver->key(ImGuiKey_Enter);
    EXPECT_FALSE(driver->ui.improvement.day_rate_problem.empty());
    EXPECT_EQ(driver->ui.improvement.costing->years.front().school_cost, d("36600.00")) << "a bad day rate changed the figures";
}

// Another LA: Devon's 310 primaries and a 3-place schedule, with its own ledger, then none.
TEST(WidgetsDevon, DevonSessionShowsItsOwnLedgerOrSaysThereIsNone) {
    const auto dir = testing_cli::scratch("devon");
    app::LiveSpec spec;
    spec.inputs.census = kDevon + "/census-878.csv";
    spec.inputs.rates = kDevon + "/2025-26.toml";
    spec.baseline = kDevon + "/2024-25.toml";
    spec.ledgers = {kDevon + "/maternity-ledger.toml"};
    testing_gui::Driver with(open(spec, dir), 1600, 3200);
    ASSERT_EQ(with.forecasts.size(), 1u);
    with.click("tab:forecast");
    ASSERT_TRUE(with.forecasts[0].report().has_value());
    EXPECT_EQ(with.forecasts[0].report()->service_name, "Maternity and paternity cover");
    EXPECT_EQ(with.forecasts[0].rate(), d("11.079"));  // the proposal's rate, not Havering's
    with.click("step:+.1:maternity.AWPU");
    with.click("tab:forecast");
    EXPECT_EQ(with.forecasts[0].rate(), d("11.08"));
    expect_consistent(with.scenario());
    // Academies are hidden by default: the list holds the 148 maintained schools.
    EXPECT_EQ(with.ui.rows.size(), 148u);

    // A phase's own rate (secondary FSM) is edited apart from the service-wide one.
    auto& s = with.scenario();
    with.type_into("rate:fsm-eligibility.FSM@secondary", "6.20");
    with.key(ImGuiKey_Enter);
    // Looked up afresh: an edit replaces the proposal (holding a reference across one is the bug this issue fixed).
    const calc::Service& fsm = s.proposal().services[service(s, "fsm-eligibility")];
    EXPECT_EQ(fsm.selected_option().rate_for(calc::Factor::FSM, calc::Phase::secondary)->value, d("6.20"));
    EXPECT_EQ(fsm.selected_option().rate_for(calc::Factor::FSM, calc::Phase::primary)->value, d("6.255"));
    // A budget-first service: typing a new budget re-derives its rate on this census (3 places, rounded up).
    with.type_into("budget:contingency.budget", "460,000");
    with.key(ImGuiKey_Enter);
    const calc::Service& contingency = s.proposal().services[service(s, "contingency")];
    ASSERT_TRUE(contingency.selected_option().budget.has_value());
    EXPECT_EQ(contingency.selected_option().budget->budget, d("460000")) << with.ui.status;
    const auto rate_now = calc::effective_rate(s.census(), contingency, contingency.selected_option(), calc::Factor::AWPU, calc::Phase::primary,
                                               s.proposal().rounding);
    ASSERT_TRUE(rate_now.has_value());
    EXPECT_EQ(rate_now->value, d("16.042"));  // £460,000 ÷ 28,676 pupils = 16.04129… → up to £16.042
    // What it costs the school shows a budget-first service's working too (count × the rate its budget gives).
    std::size_t maintained = 0;
    while (s.census().schools[maintained].governance != calc::Governance::maintained) ++maintained;
    const app::SchoolStatement st = s.statement(maintained);
    ASSERT_FALSE(st.lines.empty());
    EXPECT_EQ(st.lines[0].service_id, "contingency");
    ASSERT_EQ(st.lines[0].factors.size(), 1u);
    EXPECT_EQ(st.lines[0].factors[0].rate.value, d("16.042"));
    with.type_into("budget:contingency.budget", "-5");
    with.key(ImGuiKey_Enter);
    EXPECT_TRUE(with.ui.rejected_rates.count("contingency.budget")) << "a bad budget is shown, not dropped";
    expect_consistent(s);
    // Saved, it is a schedule `dedeleg validate` accepts.
    const auto saved = testing_cli::scratch("devon-saved") / "scenario.toml";
    s.save_scenario(saved.string());
    const auto v = testing_cli::dedeleg("validate --rates '" + saved.string() + "' --census '" + kDevon + "/census-878.csv'");
    EXPECT_EQ(v.exit_code, 0) << v.err;

    spec.ledgers.clear();
    testing_gui::Driver without(open(spec, testing_cli::scratch("devon-none")), 1600, 3200);
    EXPECT_TRUE(without.forecasts.empty());
    without.click("tab:forecast");
    EXPECT_TRUE(without.has("content:forecast"));  // it says there is no ledger
    without.click("tab:improvement");
    EXPECT_FALSE(without.ui.improvement.costing.has_value()) << "Havering's inspections priced for Devon's schools";
}

}  // namespace

// Issue 18: closing the window while "Recover unsaved scenario?" showed deleted the recovery file.
namespace {

std::string killed_window(const std::filesystem::path& recovery) {
    app::LiveSpec spec;
    spec.recovery_file = recovery.string();
    auto first = app::open_live_session(spec);
    app::apply_rate_edit(first->scenario, "maternity.AWPU=12.345");
    return testing_cli::slurp(recovery);
}

TEST(WidgetsRecovery, AnUnansweredOfferSurvivesEscUndoAndClosingTheWindow) {
    const auto dir = testing_cli::scratch("recovery-dialog");
    const auto recovery = dir / "recovery.toml";
    const std::string saved = killed_window(recovery);
    {
        app::LiveSpec spec;
        spec.edits = {"maternity.AWPU=41.08"};  // a start with --edit
        testing_gui::Driver window(open(spec, dir), 1600, 3200);
        ASSERT_TRUE(window.has("recovery:restore")) << "the offer is not on screen";
        window.key(ImGuiKey_Escape);
        window.key(ImGuiKey_Z, true);  // the shortcut reaches the scenario under the dialog
        window.key(testing_gui::Driver::kPresent);
        window.key(testing_gui::Driver::kPresent);
        EXPECT_TRUE(window.has("recovery:restore")) << "the offer went without an answer";
        EXPECT_EQ(testing_cli::slurp(recovery), saved) << "the unanswered recovery was written over";
        app::close_live_session(window.live());  // the window's close button, as main_glfw ends
        ASSERT_TRUE(std::filesystem::exists(recovery)) << "closing the window deleted the unanswered recovery";
        EXPECT_EQ(testing_cli::slurp(recovery), saved);
    }
    {
        // Offered again at the next start; Restore brings it back, and autosave goes on.
        testing_gui::Driver window(open({}, dir), 1600, 3200);
        window.click("recovery:restore");
        window.frame();
        EXPECT_FALSE(window.has("recovery:restore"));
        EXPECT_EQ(rate(window.scenario(), "maternity", calc::Factor::AWPU), d("12.345"));
        window.click("step:+1:maternity.AWPU");
        EXPECT_EQ(rate(window.scenario(), "maternity", calc::Factor::AWPU), d("12.355")) << window.ui.status;
        EXPECT_NE(testing_cli::slurp(recovery).find("12.355"), std::string::npos) << testing_cli::slurp(recovery);
        app::close_live_session(window.live());  // answered, but an edit unsaved: kept for the next start
        ASSERT_TRUE(std::filesystem::exists(recovery)) << "closing the window lost an unsaved edit";
        EXPECT_NE(testing_cli::slurp(recovery).find("12.355"), std::string::npos);
    }
    {
        killed_window(recovery);
        testing_gui::Driver window(open({}, dir), 1600, 3200);
        window.click("recovery:discard");
        window.frame();
        EXPECT_FALSE(window.has("recovery:discard"));
        EXPECT_EQ(rate(window.scenario(), "maternity", calc::Factor::AWPU), d("40.49"));
        EXPECT_FALSE(std::filesystem::exists(recovery)) << "Discard kept the recovery";
    }
}

}  // namespace
