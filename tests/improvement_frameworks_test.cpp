// The four shipped QA frameworks kept to their documents (issue 19): an ungraded
// inspection with concerns placed as each document says, Hillingdon's "all other
// schools" in Priority 3, the Schools' Monitoring Group at the size its documents
// give, the work each funds but does not cost listed, the academic year's cost
// turned into the financial year's, and the statutory-duties minimum flagged.
#include "app/improvement.hpp"

#include "app/embedded.hpp"
#include "app/inputs.hpp"
#include "calc/diagnostic.hpp"
#include "calc/number_text.hpp"
#include "census/inspections_loader.hpp"
#include "cli_run.hpp"
#include "rates/framework_loader.hpp"
#include "report/improvement_report.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace {

calc::Decimal d(const char* text) { return calc::parse_number(text).value; }
const std::string kDevon = DEDELEG_TEST_DATA "/devon";

model::InspectionRecord ungraded(const char* date, const char* grade, const char* outcome, const char* concern = "") {
    model::InspectionRecord r;
    r.urn = "100000";
    r.last_inspection = model::parse_date(date);
    r.kind = "ungraded";
    r.overall_effectiveness = grade;
    r.outcome = outcome;
    r.category_of_concern = concern;
    return r;
}

model::SchoolPlan plan(const char* framework, const model::InspectionRecord* r, int year = 2025) {
    return model::plan_school(app::load_framework(framework), "100000", "A school", r, nullptr, year);
}

// Item 1, hand-made rows: "School remains Good (Concerns) - S5 Next" is not a secure Good.
TEST(ImprovementFrameworks, AnUngradedInspectionWithConcernsIsPlacedAsEachDocumentSays) {
    // Last inspected 2023-06-01 (academic year 2022-23): cycle year 4 in 2025-26.
    const auto good = ungraded("2023-06-01", "Good", "School remains Good");
    const auto good_concerns = ungraded("2023-06-01", "Good", "School remains Good (Concerns) - S5 Next");
    const auto outstanding_concerns = ungraded("2023-06-01", "Outstanding", "School remains Outstanding (Concerns) - S5 Next");
    const auto improving = ungraded("2023-06-01", "Good", "School remains Good (Improving) - S5 Next");

    const model::Standing s = model::standing_of(good_concerns, 2025);
    EXPECT_EQ(s.grade, model::Grade::good) << "the grade stands: it is Ofsted's";
    EXPECT_TRUE(s.concerns);
    EXPECT_TRUE(s.intervention) << "Havering 2025-26 trigger 1: 'suggestion less than Good following an Ungraded Inspection'";
    EXPECT_EQ(model::standing_key(s, false), "good (concerns)");
    const model::Standing o = model::standing_of(outstanding_concerns, 2025);
    EXPECT_TRUE(o.concerns);
    EXPECT_FALSE(o.intervention) << "less than Outstanding may still be Good: not trigger 1";
    EXPECT_EQ(model::standing_key(o, false), "outstanding (concerns)");
    EXPECT_FALSE(model::standing_of(improving, 2025).concerns);
    EXPECT_FALSE(model::standing_of(good, 2025).concerns);
    auto graded = good_concerns;
    graded.kind = "graded";  // only an ungraded inspection's outcome
    EXPECT_FALSE(model::standing_of(graded, 2025).concerns);
    // A category of concern is placed as one whatever the outcome says.
    EXPECT_EQ(model::standing_key(model::standing_of(ungraded("2023-06-01", "Good", "School remains Good (Concerns) - S5 Next", "SWK"), 2025), true),
              "concern");

    // Havering 2025-26: year 4 (a KIT, 0.5 day) + trigger 1's PRMs (6 × 0.5 day × 2 officers) = 6.5 days.
    EXPECT_EQ(plan("havering-2025", &good).days, d("0.5"));
    EXPECT_EQ(plan("havering-2025", &good_concerns).days, d("6.5"));
    EXPECT_EQ(plan("havering-2025", &good_concerns).cost, d("3575.00"));
    EXPECT_EQ(plan("havering-2025", &outstanding_concerns).days, d("0.5"));
    // Havering 2011: not "on track for good" (category 1) -> category 2, 1.5 days; Outstanding (Concerns) stays 1.
    EXPECT_EQ(plan("havering-2011", &good_concerns).stage_id, "2");
    EXPECT_EQ(plan("havering-2011", &good_concerns).days, d("1.5"));
    EXPECT_EQ(plan("havering-2011", &outstanding_concerns).stage_id, "1");
    // Hillingdon: "at risk of being judged as Requires Improvement" -> Priority 2:
    // EA 6 × 1 + CTG 3 × 0.5 × 3 + LA review 2 × 1 × 2 + S&S 0.5 × 3 + risk assessments 3 × 0.125 = 16.375 days.
    EXPECT_EQ(plan("hillingdon-2022", &good_concerns).stage_id, "Priority 2");
    EXPECT_EQ(plan("hillingdon-2022", &good_concerns).days, d("16.375"));
    EXPECT_EQ(plan("hillingdon-2022", &outstanding_concerns).stage_id, "Priority 3");
    EXPECT_EQ(plan("hillingdon-2022", &good).stage_id, "Priority 3");
    // Telford & Wrekin: Red names schools "identified by Ofsted as not maintaining the standards".
    EXPECT_EQ(plan("telford-wrekin-2024", &good_concerns).stage_id, "Red");
    EXPECT_EQ(plan("telford-wrekin-2024", &outstanding_concerns).stage_id, "Red");
    EXPECT_EQ(plan("telford-wrekin-2024", &good_concerns).days, d("6.25"));  // 3 × 0.5 × 2 + 6 × 0.5 + 0.25
    EXPECT_EQ(plan("telford-wrekin-2024", &good).stage_id, "Green");
}

// Item 1, real rows: England's file (every-outcome.csv) and Devon's maintained Tavistock.
TEST(ImprovementFrameworks, RealConcernsRowsFromTheOfstedFile) {
    const std::string path = DEDELEG_TEST_DATA "/ofsted/every-outcome.csv";
    const auto records = census::load_inspections(testing_cli::slurp(path), path);
    const model::InspectionRecord& good = records.at("100181");         // School remains Good (Concerns) - S5 Next
    const model::InspectionRecord& outstanding = records.at("100552");  // School remains Outstanding (Concerns) - S5 Next
    const struct {
        const char* framework;
        const char* good_stage;
        const char* outstanding_stage;
    } cases[] = {{"havering-2011", "2", "1"},
                 {"hillingdon-2022", "Priority 2", "Priority 3"},
                 {"telford-wrekin-2024", "Red", "Red"}};
    for (const auto& c : cases) {
        EXPECT_EQ(plan(c.framework, &good).stage_id, c.good_stage) << c.framework;
        EXPECT_EQ(plan(c.framework, &outstanding).stage_id, c.outstanding_stage) << c.framework;
    }
    EXPECT_TRUE(plan("havering-2025", &good).standing.intervention);
    EXPECT_FALSE(plan("havering-2025", &outstanding).standing.intervention);

    // Devon: 113265 Tavistock Primary & Nursery (maintained), ungraded 2024-07-10, Good (Concerns).
    app::ImprovementSpec spec;
    spec.census = kDevon + "/census-878.csv";
    spec.rates = kDevon + "/2025-26.toml";
    spec.inspections = kDevon + "/ofsted-878.csv";
    const struct {
        const char* framework;
        const char* stage;
        const char* days;
    } devon[] = {{"havering-2025", "year-3", "8.75"},  // full QA 2.75 + PRMs 6
                 {"havering-2011", "2", "1.5"},
                 {"hillingdon-2022", "Priority 2", "16.375"},
                 {"telford-wrekin-2024", "Red", "6.25"}};
    for (const auto& c : devon) {
        spec.framework = c.framework;
        const auto r = app::run_improvement(spec);
        const auto it = std::find_if(r.years.front().schools.begin(), r.years.front().schools.end(),
                                     [](const model::SchoolPlan& p) { return p.urn == "113265"; });
        ASSERT_NE(it, r.years.front().schools.end());
        EXPECT_EQ(it->stage_id, c.stage) << c.framework;
        EXPECT_EQ(it->days, d(c.days)) << c.framework;
        EXPECT_TRUE(it->standing.intervention) << c.framework;
        if (std::string(c.framework) == "havering-2025") {
            std::ostringstream md;
            report::write_improvement_markdown(md, r);
            EXPECT_NE(md.str().find("| Good (Concerns) | 3 | yes | year-3 |"), std::string::npos) << md.str();
        }
    }
}

// A framework file must say where the two concerns standings go (none is left to fall into "good").
TEST(ImprovementFrameworks, AGradeMapWithoutTheConcernsStandingsIsRefused) {
    const std::string text =
        "[framework]\nid = \"x\"\nname = \"X\"\nplacement = \"grade\"\nday_rate = \"500\"\nday_rate_reason = \"r\"\n"
        "[[stage]]\nid = \"A\"\nlabel = \"A\"\n"
        "[grade_map]\noutstanding = \"A\"\ngood = \"A\"\n\"requires improvement\" = \"A\"\ninadequate = \"A\"\n"
        "concern = \"A\"\nnever = \"A\"\n"
        "[[not_costed]]\nwhat = \"Reviews\"\nsource = \"s\"\n";
    try {
        rates::load_framework(text, "f.toml");
        ADD_FAILURE() << "accepted";
    } catch (const calc::InputError& e) {
        std::string all;
        for (const auto& p : e.diagnostics) all += p.to_string() + "\n";
        EXPECT_NE(all.find("\"good (concerns)\" is missing"), std::string::npos) << all;
        EXPECT_NE(all.find("\"outstanding (concerns)\" is missing"), std::string::npos) << all;
        EXPECT_NE(all.find("f.toml:17: not_costed.reason"), std::string::npos) << all;
    }
}

// Item 2: "All other schools will be identified as Priority 3" (Hillingdon, Strand 6).
TEST(ImprovementFrameworks, HillingdonPlacesSchoolsWithNoInspectionInPriorityThree) {
    const model::SchoolPlan never = plan("hillingdon-2022", nullptr);
    EXPECT_EQ(never.stage_id, "Priority 3");
    EXPECT_EQ(never.days, d("1.375"));  // annual EA day + 3 termly risk assessments × 0.125
    model::InspectionRecord not_yet;
    not_yet.urn = "100000";
    not_yet.outcome = "Not yet inspected";
    EXPECT_EQ(plan("hillingdon-2022", &not_yet).stage_id, "Priority 3");

    // Devon (148 maintained primaries): 34 not in the Ofsted file were Priority 2, £299,200 of £448,800.
    // Now: 137 in Priority 3 (103 inspected + the 34) × 1.375 days, 10 in Priority 2 (9 + Tavistock,
    // Good (Concerns)) × 16.375, 1 in Priority 1 × 24.375 = 188.375 + 163.75 + 24.375 = 376.5 days × £550.
    app::ImprovementSpec spec;
    spec.framework = "hillingdon-2022";
    spec.census = kDevon + "/census-878.csv";
    spec.rates = kDevon + "/2025-26.toml";
    spec.inspections = kDevon + "/ofsted-878.csv";
    const auto r = app::run_improvement(spec);
    std::map<std::string, int> by_stage;
    for (const model::SchoolPlan& p : r.years.front().schools) ++by_stage[p.stage_id];
    EXPECT_EQ(by_stage, (std::map<std::string, int>{{"Priority 1", 1}, {"Priority 2", 10}, {"Priority 3", 137}}));
    EXPECT_EQ(r.years.front().school_days, d("376.5"));
    EXPECT_EQ(r.years.front().school_cost, d("207075.00"));
}

// Item 3: the Schools' Monitoring Group at the size its documents give.
TEST(ImprovementFrameworks, TheSchoolsMonitoringGroupIsTheSizeItsDocumentsGive) {
    // 2025-26: "All service areas are represented"; Appendix 1 lists 8. 6 × 0.5 day × 8 = 24 days.
    const model::Framework now = app::load_framework("havering-2025");
    ASSERT_EQ(now.fixed.size(), 1u);
    EXPECT_EQ(now.fixed[0].staff, d("8"));
    EXPECT_EQ(model::plan_year(now, {}, {}, {}, 2025).fixed_cost, d("13200.00"));
    // 2011: section 5 lists 12 members. SMG 6 × 0.5 × 12 = 36 days + category reviews 2 × 0.5 × 4 = 4: 40 days.
    const model::Framework old = app::load_framework("havering-2011");
    EXPECT_EQ(old.fixed[0].name, "Schools' Monitoring Group");
    EXPECT_EQ(old.fixed[0].staff, d("12"));
    EXPECT_EQ(model::plan_year(old, {}, {}, {}, 2025).fixed_cost, d("22000.00"));
}

// Item 4: the work each document funds is costed as a labelled assumption or listed as not costed.
TEST(ImprovementFrameworks, WorkTheSourcesFundIsCostedOrListedNeverLeftOutSilently) {
    // Telford's classification meeting (was no fixed work at all): 1 day × 6 officers × once = £3,300.
    const model::Framework tw = app::load_framework("telford-wrekin-2024");
    EXPECT_EQ(model::plan_year(tw, {}, {}, {}, 2025).fixed_cost, d("3300.00"));
    // Hillingdon's termly risk assessments, in every priority.
    for (const model::Stage& s : app::load_framework("hillingdon-2022").stages)
        EXPECT_TRUE(std::any_of(s.activities.begin(), s.activities.end(),
                                [](const model::Activity& a) { return a.name == "Termly risk assessment" && a.per_year == d("3"); }))
            << s.id;
    const struct {
        const char* framework;
        const char* listed;
        const char* assumed;
    } cases[] = {{"havering-2025", "Full school or area reviews after triggers 3, 4 and 5", "Schools' Monitoring Group"},
                 {"havering-2025", "Follow-up after a KIT visit", "An ungraded inspection with concerns (trigger 1)"},
                 {"havering-2011", "Designation meeting, letter and Statement of Action", "Schools' Monitoring Group"},
                 {"hillingdon-2022", "Headteacher recruitment", "Termly risk assessment"},
                 {"telford-wrekin-2024", "Headteacher recruitment", "Classification meeting"}};
    for (const auto& c : cases) {
        SCOPED_TRACE(c.framework);
        app::ImprovementSpec spec;
        spec.framework = c.framework;
        const auto r = app::run_improvement(spec);
        std::ostringstream md, json;
        report::write_improvement_markdown(md, r);
        report::write_improvement_json(json, r);
        const std::string m = md.str();
        const auto section = m.find("## Funded by the source, not costed here");
        ASSERT_NE(section, std::string::npos);
        EXPECT_NE(m.find(std::string("| ") + c.listed, section), std::string::npos) << m.substr(section);
        EXPECT_NE(m.find(std::string("| ") + c.assumed + " |"), std::string::npos) << "assumption row";
        EXPECT_NE(json.str().find("\"not_costed\": ["), std::string::npos);
        EXPECT_NE(json.str().find(c.listed), std::string::npos);
    }
}

// Item 5: financial year Y = 5/12 of academic year Y-1 + 7/12 of academic year Y, rounded once.
TEST(ImprovementFrameworks, TheFinancialYearIsFiveTwelfthsOfOneAcademicYearAndSevenOfTheNext) {
    const model::FinancialYearCost a = model::financial_year_cost(2025, d("1000.00"), d("2000.00"));
    EXPECT_EQ(a.weighted, d("19000.00"));  // 5 × 1,000 + 7 × 2,000
    EXPECT_EQ(a.cost, d("1583.33"));       // 1,583.333… half up
    const model::FinancialYearCost b = model::financial_year_cost(2025, d("0.01"), d("0.07"));
    EXPECT_EQ(b.weighted, d("0.54"));
    EXPECT_EQ(b.cost, d("0.05")) << "4.5p rounds half up";
    EXPECT_EQ(report::financial_year_basis(2025),
              "Financial year 2025-26 (1 April 2025 to 31 March 2026) = 5/12 of academic year 2024-25 (April to August 2025) + "
              "7/12 of academic year 2025-26 (September 2025 to March 2026)");
    EXPECT_EQ(report::financial_year_working(a),
              "(5 × £1,000.00 + 7 × £2,000.00) ÷ 12 = £19,000.00 ÷ 12 = £1,583.3333… → £1,583.33 (rounded half up to the penny, once)");

    // Havering, real inspections: academic year 2024-25 is placed from the same file (all inspected by 31 August 2025).
    const app::ImprovementReport r = app::run_improvement({});
    ASSERT_TRUE(r.earlier_year.has_value());
    EXPECT_EQ(r.earlier_year->academic_year, 2024);
    const calc::Decimal earlier = r.earlier_year->school_cost + r.earlier_year->fixed_cost;
    const calc::Decimal later = r.years.front().school_cost + r.years.front().fixed_cost;
    EXPECT_EQ(later, d("46750.00"));  // £33,550 + SMG £13,200
    EXPECT_EQ(r.fy_total.weighted, d("5") * earlier + d("7") * later);
    EXPECT_EQ(r.fy_total.cost, calc::divide(r.fy_total.weighted, d("12"), 2, calc::RoundingMode::half_up));
    EXPECT_EQ(r.rate_per_pupil_with_fixed, calc::divide(r.fy_total.cost, d("17749.5"), 2, calc::RoundingMode::up));
    std::ostringstream md;
    report::write_improvement_markdown(md, r);
    EXPECT_NE(md.str().find("Financial year 2025-26 (1 April 2025 to 31 March 2026) = 5/12 of academic year 2024-25"), std::string::npos);
    EXPECT_NE(md.str().find("- All the work: (5 × " ), std::string::npos) << md.str();

    // A school inspected after academic year 2024-25: that year cannot be placed from the file, so
    // its five months are taken at 2025-26's cost, and the output says so.
    auto inspections = app::shipped_inspections();
    inspections.at("102325").last_inspection = model::parse_date("2025-10-01");
    const calc::Census census = app::load_census("");
    const calc::Schedule schedule = app::load_rates("", app::kDefaultRates);
    const auto late = app::price_improvement(app::load_framework("havering-2025"), census, schedule, inspections, {}, 2025, 1,
                                             calc::Decimal(0), false, "school-improvement");
    EXPECT_FALSE(late.earlier_placed);
    EXPECT_FALSE(late.earlier_year.has_value());
    EXPECT_EQ(late.fy_total.earlier, late.fy_total.later);
    EXPECT_EQ(late.fy_total.cost, late.years.front().school_cost + late.years.front().fixed_cost);
    std::ostringstream lmd;
    report::write_improvement_markdown(lmd, late);
    EXPECT_NE(lmd.str().find("Academic year 2024-25 cannot be placed from this inspection file"), std::string::npos);
}

// Item 5 in `dedeleg solve --framework`: the working from the two academic years to the rate.
TEST(ImprovementFrameworks, SolveShowsTheFinancialYearWorking) {
    const auto dir = testing_cli::scratch("frameworks-solve");
    const auto r = testing_cli::dedeleg("solve --framework havering-2025", dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("2025-26: the schools' work £33,550.00 + fixed work £13,200.00 = £46,750.00"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("2024-25: the schools' work "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Financial year 2025-26 (1 April 2025 to 31 March 2026) = 5/12 of academic year 2024-25"), std::string::npos);
    EXPECT_NE(r.out.find("(rounded half up to the penny, once)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("(17,280 pupils + 3 × 156.5 places)"), std::string::npos) << r.out;
}

// Item 6: the statutory-duties rate is worked back from last year's total; the paper says costs rise 5%.
TEST(ImprovementFrameworks, TheStatutoryDutiesMinimumIsFlaggedBesideTheFigure) {
    const auto dir = testing_cli::scratch("frameworks-tables");
    const auto r = testing_cli::dedeleg("tables", dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto at = r.out.find("## Statutory and regulatory duties");
    ASSERT_NE(at, std::string::npos) << r.out;
    const std::string section = r.out.substr(at, r.out.find("\n## ", at + 1) - at);
    EXPECT_NE(section.find("minimum total contribution of £341,000"), std::string::npos) << section;
    EXPECT_NE(section.find("Caution, the paper contradicts itself here: £341,000 is the 2024-25 contribution"), std::string::npos)
        << section;
    EXPECT_NE(section.find("\"are expected to rise by at least 5% this year\""), std::string::npos) << section;
    EXPECT_NE(section.find("£341,000 × 1.05 = £358,050"), std::string::npos) << section;
    EXPECT_NE(section.find("(£358,050 − £7,042.50) ÷ 17,280 = £20.3129…, £20.32 rounded up"), std::string::npos) << section;
}

}  // namespace
