// School improvement: placement at every boundary, every Ofsted outcome
// wording, costs worked by hand, the real Havering run, LA categories, Devon.
#include "app/improvement.hpp"

#include "calc/diagnostic.hpp"
#include "calc/number_text.hpp"
#include "census/csv_rows.hpp"
#include "census/inspections_loader.hpp"
#include "cli_run.hpp"
#include "rates/framework_loader.hpp"
#include "report/improvement_report.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <sstream>

namespace {

calc::Decimal d(const char* text) { return calc::parse_number(text).value; }
const std::string kDevon = DEDELEG_TEST_DATA "/devon";
const std::string kHaveringOfsted = DEDELEG_SOURCE_DIR "/data/ofsted/havering-311-ofsted.csv";

model::InspectionRecord record(const char* date, const char* kind, const char* overall, std::array<std::string, 4> kj = {},
                               const char* concern = "") {
    model::InspectionRecord r;
    r.urn = "100000";
    if (*date) r.last_inspection = model::parse_date(date);
    r.kind = kind;
    r.overall_effectiveness = overall;
    r.key_judgements = kj;
    r.category_of_concern = concern;
    return r;
}

TEST(Improvement, AcademicYearsStartOnTheFirstOfSeptember) {
    EXPECT_EQ(model::academic_year_of(*model::parse_date("2025-08-31")), 2024);
    EXPECT_EQ(model::academic_year_of(*model::parse_date("2025-09-01")), 2025);
    EXPECT_EQ(model::academic_year_of(*model::parse_date("2026-01-15")), 2025);
    EXPECT_EQ(model::academic_year_from_label("2025-26"), 2025);
    EXPECT_FALSE(model::academic_year_from_label("2025-27").has_value());
    EXPECT_EQ(model::academic_year_label(2029), "2029-30");
    EXPECT_FALSE(model::parse_date("2025-13-01").has_value());
}

TEST(Improvement, CycleYearIsYearsSinceTheLastInspectionPlusOneCappedAtFive) {
    const model::Framework f = app::load_framework("havering-2025");
    auto cycle = [&](const char* date) {
        const auto r = record(date, "graded", "Good");
        return model::plan_school(f, "100000", "A school", &r, nullptr, 2025).cycle_year;
    };
    EXPECT_EQ(cycle("2025-09-01"), 1);  // inspected this academic year
    EXPECT_EQ(cycle("2025-08-31"), 2);  // last academic year
    EXPECT_EQ(cycle("2024-09-01"), 2);
    EXPECT_EQ(cycle("2024-08-31"), 3);
    EXPECT_EQ(cycle("2021-09-01"), 5);
    EXPECT_EQ(cycle("2016-03-01"), 5);  // overdue: still 5
    const auto overdue = record("2016-03-01", "graded", "Good");
    const auto due = record("2021-09-01", "graded", "Good");
    EXPECT_GT(model::plan_school(f, "1", "x", &overdue, nullptr, 2025).days,
              model::plan_school(f, "1", "x", &due, nullptr, 2025).days) << "an overdue school gets the further KIT";
    const auto never = model::plan_school(f, "1", "x", nullptr, nullptr, 2025);
    EXPECT_TRUE(never.standing.never_inspected);
    EXPECT_EQ(never.cycle_year, 5);
}

TEST(Improvement, CurrentGradeRules) {
    std::string rule;
    EXPECT_EQ(model::current_grade(record("2023-01-01", "graded", "Good"), rule), model::Grade::good);
    // Not judged: the worst of the four key judgements.
    EXPECT_EQ(model::current_grade(record("2024-12-03", "graded", "Not judged",
                                          {"Good", "Requires improvement", "Good", "Outstanding"}), rule),
              model::Grade::requires_improvement);
    EXPECT_NE(rule.find("worst"), std::string::npos);
    // An ungraded inspection keeps the last graded grade.
    EXPECT_EQ(model::current_grade(record("2024-11-27", "ungraded", "Outstanding"), rule), model::Grade::outstanding);
    EXPECT_FALSE(model::current_grade(record("", "", ""), rule).has_value());
    EXPECT_TRUE(model::standing_of(record("2023-01-01", "graded", "Good", {}, "SWK"), 2025).intervention);
    EXPECT_TRUE(model::standing_of(record("2023-01-01", "graded", "Inadequate"), 2025).intervention);
    EXPECT_FALSE(model::standing_of(record("2023-01-01", "graded", "Good"), 2025).intervention);
}

// Every outcome wording in the Havering and Devon files: our current grade equals the extract's derived one.
TEST(Improvement, EveryOutcomeWordingGivesTheExtractsDerivedGrade) {
    for (const std::string& path : {kHaveringOfsted, kDevon + "/ofsted-878.csv"}) {
        const std::string text = testing_cli::slurp(path);
        const auto records = census::load_inspections(text, path);
        const auto rows = census::read_csv_rows(text, path);
        std::size_t urn_col = 0, derived_col = 0, outcome_col = 0;
        for (std::size_t i = 0; i < rows[0].fields.size(); ++i) {
            if (rows[0].fields[i] == "urn") urn_col = i;
            if (rows[0].fields[i] == "current_grade_derived") derived_col = i;
            if (rows[0].fields[i] == "outcome") outcome_col = i;
        }
        std::set<std::string> wordings;
        for (std::size_t i = 1; i < rows.size(); ++i) {
            const model::InspectionRecord& r = records.at(rows[i].fields[urn_col]);
            std::string rule;
            const auto g = model::current_grade(r, rule);
            const std::string expected = rows[i].fields[derived_col];
            EXPECT_EQ(g ? std::string(model::words_of(*g)) : std::string(), expected) << path << ":" << rows[i].line << " " << r.outcome;
            wordings.insert(rows[i].fields[outcome_col]);
        }
        EXPECT_GE(wordings.size(), 10u) << path;
    }
}

// One real school (England file, as at 31 August 2025) for each of the 16 outcome
// wordings Ofsted's file uses, and for "Not judged" with each worst key judgement,
// both categories of concern and a "Not judged" inspection followed by an ungraded one.
TEST(Improvement, EveryOutcomeWordingInTheOfstedFile) {
    const std::string path = DEDELEG_TEST_DATA "/ofsted/every-outcome.csv";
    const auto records = census::load_inspections(testing_cli::slurp(path), path);
    struct Case {
        const char* urn;
        const char* outcome;
        const char* grade;  // "" = none
        bool intervention;
        const char* rule;   // a word the rule must contain
    };
    const Case cases[] = {
        {"100006", "Good", "Good", false, "overall"},
        {"100043", "Improved significantly", "Good", false, "ungraded"},
        {"103427", "Inadequate", "Inadequate", true, "overall"},
        {"148903", "No outcome recorded", "Good", false, "ungraded"},
        {"101858", "No outcome recorded (ungraded inspection converted to graded; graded result not yet in file)",
         "Requires improvement", true, "ungraded"},
        {"100032", "Not judged", "Outstanding", false, "worst"},
        {"143716", "Not yet inspected", "", false, "never"},
        {"100000", "Outstanding", "Outstanding", false, "overall"},
        {"100183", "Requires improvement", "Requires improvement", true, "overall"},
        {"100007", "School remains Good", "Good", false, "ungraded"},
        {"100181", "School remains Good (Concerns) - S5 Next", "Good", true, "ungraded"},  // Havering trigger 1 (issue 19)
        {"100030", "School remains Good (Improving) - S5 Next", "Good", false, "ungraded"},
        {"100005", "School remains Outstanding", "Outstanding", false, "ungraded"},
        {"100552", "School remains Outstanding (Concerns) - S5 Next", "Outstanding", false, "ungraded"},
        {"100094", "Some aspects not as strong", "Outstanding", false, "ungraded"},
        {"100022", "Standards maintained", "Outstanding", false, "ungraded"},
        {"100722", "Not judged", "Requires improvement", true, "worst"},
        {"103997", "Not judged", "Inadequate", true, "worst"},        // and special measures
        {"105821", "Not judged", "Inadequate", true, "worst"},        // serious weaknesses
        {"114281", "No outcome recorded (ungraded inspection converted to graded; graded result not yet in file)",
         "Inadequate", true, "worst"},                                  // Not judged, then an ungraded event
        {"133580", "No outcome recorded (ungraded inspection converted to graded; graded result not yet in file)", "Good",
         false, "worst"},
    };
    ASSERT_EQ(records.size(), std::size(cases));
    std::set<std::string> wordings;
    for (const Case& c : cases) {
        SCOPED_TRACE(c.urn);
        const model::InspectionRecord& r = records.at(c.urn);
        EXPECT_EQ(r.outcome, c.outcome);
        wordings.insert(r.outcome);
        const model::Standing s = model::standing_of(r, 2025);
        EXPECT_EQ(s.grade ? std::string(model::words_of(*s.grade)) : std::string(), c.grade);
        EXPECT_EQ(s.intervention, c.intervention);
        EXPECT_NE(s.grade_rule.find(c.rule), std::string::npos) << s.grade_rule;
        EXPECT_EQ(s.never_inspected, std::string(c.outcome) == "Not yet inspected");
    }
    EXPECT_EQ(wordings.size(), 16u) << "every wording in england_ofsted.csv";
    // Never inspected is its own state: no cycle year to count, placed as the framework states.
    const model::Framework f = app::load_framework("havering-2025");
    const model::SchoolPlan never = model::plan_school(f, "143716", "x", &records.at("143716"), nullptr, 2025);
    EXPECT_EQ(never.placed_by, "never inspected");
    EXPECT_EQ(never.last_inspection, "");
    EXPECT_FALSE(never.standing.years_since.has_value());
}

// Every boundary of the academic-year rule, for each cycle year 1 to 5 and past it.
TEST(Improvement, CycleYearAtEveryBoundary) {
    const model::Framework f = app::load_framework("havering-2025");
    auto plan = [&](const char* date, int year = 2025) {
        const auto r = record(date, "graded", "Good");
        return model::plan_school(f, "100000", "A school", &r, nullptr, year);
    };
    const struct {
        const char* date;
        int cycle;
        int since;
    } cases[] = {
        {"2026-08-31", 1, 1}, {"2025-09-01", 1, 1}, {"2025-08-31", 2, 2}, {"2024-09-01", 2, 2}, {"2024-08-31", 3, 3},
        {"2023-09-01", 3, 3}, {"2023-08-31", 4, 4}, {"2022-09-01", 4, 4}, {"2022-08-31", 5, 5}, {"2021-09-01", 5, 5},
        {"2021-08-31", 5, 6}, {"2011-07-06", 5, 16},
    };
    for (const auto& c : cases) {
        const model::SchoolPlan p = plan(c.date);
        EXPECT_EQ(p.cycle_year, c.cycle) << c.date;
        EXPECT_EQ(p.standing.years_since, c.since) << c.date;
        EXPECT_EQ(p.stage_id, "year-" + std::to_string(c.cycle)) << c.date;
    }
    // Year 5 due (0.125 day courtesy call); past it, the further KIT (0.5 day) is added.
    EXPECT_EQ(plan("2021-09-01").days, d("0.125"));
    EXPECT_EQ(plan("2021-08-31").days, d("0.625"));
    // The year asked moves the whole rule: 2022-08-31 is year 4 in 2024-25.
    EXPECT_EQ(plan("2022-08-31", 2024).cycle_year, 4);
    EXPECT_EQ(plan("2022-09-01", 2024).cycle_year, 3);
}

// Each framework's figures worked by hand at £550 a day.
TEST(Improvement, EachFrameworkCostedByHand) {
    const auto good = record("2023-01-01", "graded", "Good");
    const auto ri = record("2023-01-01", "graded", "Requires improvement");
    const auto inadequate = record("2023-01-01", "graded", "Inadequate", {}, "SM");
    const model::Framework old = app::load_framework("havering-2011");
    EXPECT_EQ(model::plan_school(old, "1", "x", &good, nullptr, 2025).stage_id, "1");
    EXPECT_EQ(model::plan_school(old, "1", "x", &ri, nullptr, 2025).days, d("5"));            // 3A: 3 + 2 subject days
    const auto b3 = model::plan_school(old, "1", "x", &inadequate, nullptr, 2025);
    EXPECT_EQ(b3.stage_id, "3B");
    EXPECT_EQ(b3.days, d("11.5"));                                                                // 6 + 4 + 3 × 0.5
    EXPECT_EQ(b3.cost, d("6325.00"));
    const model::Framework hil = app::load_framework("hillingdon-2022");
    const auto p1 = model::plan_school(hil, "1", "x", &inadequate, nullptr, 2025);
    EXPECT_EQ(p1.stage_id, "Priority 1");
    EXPECT_EQ(p1.days, d("24.375"));  // EA 2 × 6 + CTG 3 × 0.5 × 3 + LA review 3 × 1 × 2 + S&S 0.5 × 3 + risk assessments 3 × 0.125
    const model::Framework tw = app::load_framework("telford-wrekin-2024");
    const auto green = model::plan_school(tw, "1", "x", &good, nullptr, 2025);
    EXPECT_EQ(green.stage_id, "Green");
    EXPECT_EQ(green.days, d("1.25"));  // 2 QA visits × 0.5 + governing board conversation 0.25 (3 visits a year)
    EXPECT_EQ(green.cost, d("687.50"));
    EXPECT_EQ(model::plan_school(tw, "1", "x", &ri, nullptr, 2025).days, d("4.75"));          // Amber: 3 × 0.5 × 2 + 3 × 0.5 + 0.25
    EXPECT_EQ(model::plan_school(tw, "1", "x", &inadequate, nullptr, 2025).days, d("6.25"));  // Red: 3 × 0.5 × 2 + 6 × 0.5 + 0.25
    // Fixed work, priced once, never spread into schools.
    const model::ImprovementYear y = model::plan_year(hil, {}, {}, {}, 2025);
    EXPECT_EQ(y.fixed_days, d("6"));  // internal review 3 × 0.5 × 4
    EXPECT_EQ(y.fixed_cost, d("3300.00"));
    EXPECT_EQ(model::plan_year(old, {}, {}, {}, 2025).fixed_cost, d("22000.00"));  // SMG 6 × 0.5 × 12 + reviews 2 × 0.5 × 4 = 40 days
}

TEST(Improvement, CostsWorkedByHand) {
    const model::Framework f = app::load_framework("havering-2025");
    EXPECT_EQ(f.day_rate, d("550"));
    const auto year3 = record("2023-09-14", "ungraded", "Good");
    const auto p = model::plan_school(f, "1", "x", &year3, nullptr, 2025);
    EXPECT_EQ(p.cycle_year, 3);
    EXPECT_EQ(p.days, d("2.75"));  // review 0.5 + pre-visit 0.25 + visit 1 day × 2 officers
    EXPECT_EQ(p.cost, d("1512.50"));
    const auto ri = record("2024-12-03", "graded", "Not judged", {"Good", "Requires improvement", "Good", "Good"});
    const auto q = model::plan_school(f, "1", "x", &ri, nullptr, 2025);
    EXPECT_EQ(q.cycle_year, 2);
    EXPECT_EQ(q.days, d("6.5"));  // KIT 0.5 + PRMs 6 × 0.5 day × 2
    EXPECT_EQ(q.cost, d("3575.00"));
    const model::Framework h = app::load_framework("hillingdon-2022");
    // Priority 2: EA 6 × 1 day + CTG 3 × 0.5 × 3 + LA review 2 × 1 × 2 + Support and Scrutiny 1 × 0.5 × 3
    EXPECT_EQ(model::plan_school(h, "1", "x", &ri, nullptr, 2025).days, d("16.375"));  // + risk assessments 3 × 0.125
    const auto good = record("2023-01-01", "graded", "Good");
    EXPECT_EQ(model::plan_school(h, "1", "x", &good, nullptr, 2025).days, d("1.375"));  // Priority 3: one EA day a year + 3 × 0.125
    const model::Framework old = app::load_framework("havering-2011");
    EXPECT_EQ(model::plan_school(old, "1", "x", &good, nullptr, 2025).days, d("0.5"));  // category 1: 0.5 day
}

TEST(Improvement, TheDefaultRunOnRealHaveringData) {
    const app::ImprovementReport r = app::run_improvement({});
    const model::ImprovementYear& y = r.years.front();
    EXPECT_EQ(y.schools.size(), 40u);  // 39 maintained primaries and Corbets Tey (special)
    std::set<std::string> intervention;
    for (const model::SchoolPlan& p : y.schools)
        if (p.standing.intervention) intervention.insert(p.urn);
    EXPECT_EQ(intervention, (std::set<std::string>{"102325", "131590"}));  // Hilldene (Not judged, RI), R J Mitchell (RI)
    ASSERT_TRUE(r.service.has_value());
    EXPECT_EQ(r.service->raised, d("59993.31"));  // £58,406 + £1,587, as the paper's 4.8
    EXPECT_EQ(r.pupils, 17280);
    EXPECT_EQ(r.places, d("156.5"));
    EXPECT_EQ(y.school_days, d("61"));
    EXPECT_EQ(y.school_cost, d("33550.00"));
    EXPECT_EQ(y.fixed_cost, d("13200.00"));  // SMG: 6 × 0.5 day × 8 officers × £550
    // Financial year 2025-26: (5 × £27,843.75 (2024-25) + 7 × £33,550) ÷ 12 = £31,172.3958… → £31,172.40;
    // ÷ 17,749.5 = 1.7562… rounded up.
    EXPECT_EQ(r.fy_schools.cost, d("31172.40"));
    EXPECT_EQ(r.rate_per_pupil, d("1.76"));
    EXPECT_EQ(r.rate_per_place, d("5.28"));
    EXPECT_EQ(r.years.size(), 5u);
    for (const char* id : {"havering-2011", "hillingdon-2022", "telford-wrekin-2024"}) {
        app::ImprovementSpec spec;
        spec.framework = id;
        EXPECT_EQ(app::run_improvement(spec).years.front().schools.size(), 40u) << id;
    }
}

TEST(Improvement, TheLasOwnCategoriesWinAndUnknownOnesAreRefused) {
    const auto dir = testing_cli::scratch("categories");
    testing_cli::write(dir / "cats.csv", "URN,Category,Intervention\n102268,3C,yes\n102269,,no\n");
    app::ImprovementSpec spec;
    spec.framework = "havering-2011";
    spec.categories = (dir / "cats.csv").string();
    const auto r = app::run_improvement(spec);
    for (const model::SchoolPlan& p : r.years.front().schools) {
        if (p.urn == "102268") {
            EXPECT_EQ(p.stage_id, "3C");
            EXPECT_EQ(p.placed_by, "LA category");
            EXPECT_TRUE(p.standing.intervention);
            EXPECT_EQ(p.days, d("11.5"));  // 3C: 6 core + 4 subject days + 3 termly reviews × 0.5
        }
        if (p.urn == "102269") {
            EXPECT_FALSE(p.standing.intervention);
        }
    }
    // A typo in a column, a URN not in the census, an academy without --academies, a row that sets nothing.
    for (const auto& [text, message] : std::vector<std::pair<std::string, std::string>>{
             {"URN,Category,Intervntion\n102268,3C,yes\n", "bad.csv:1: Intervntion: unknown column"},
             {"URN,Category\n102268,3C\n999999,2\n", "bad.csv:3: URN: URN 999999 is not a school of the census"},
             {"URN,Category\n139406,2\n", "bad.csv:2: URN: URN 139406 is an academy; add --academies"},
             {"URN,School,Category,Intervention\n102268,James Oglethorpe,,\n", "bad.csv:2: Category: give a category"}}) {
        testing_cli::write(dir / "bad.csv", text);
        spec.categories = (dir / "bad.csv").string();
        try {
            app::run_improvement(spec);
            ADD_FAILURE() << "accepted: " << text;
        } catch (const calc::InputError& e) {
            EXPECT_NE(e.diagnostics.at(0).to_string().find(message), std::string::npos) << e.diagnostics.at(0).to_string();
        }
    }
    testing_cli::write(dir / "bad.csv", "URN,Category\n102268,Purple\n");
    spec.categories = (dir / "bad.csv").string();
    try {
        app::run_improvement(spec);
        ADD_FAILURE() << "an unknown category was accepted";
    } catch (const calc::InputError& e) {
        EXPECT_NE(e.diagnostics.at(0).to_string().find("bad.csv:2: Category: no category \"Purple\""), std::string::npos)
            << e.diagnostics.at(0).to_string();
    }
}

TEST(Improvement, AnotherLaDevonRunsUnderEveryFramework) {
    for (const std::string& id : app::shipped_frameworks()) {
        app::ImprovementSpec spec;
        spec.framework = id;
        spec.census = kDevon + "/census-878.csv";
        spec.rates = kDevon + "/2025-26.toml";
        spec.inspections = kDevon + "/ofsted-878.csv";
        const auto r = app::run_improvement(spec);
        const model::ImprovementYear& y = r.years.front();
        EXPECT_EQ(y.schools.size(), 148u) << id;
        std::size_t inspected = 0;
        for (const model::SchoolPlan& p : y.schools) inspected += !p.standing.never_inspected;
        EXPECT_EQ(inspected, 114u) << id << ": Devon's 2023 maintained primaries found in the 2025 Ofsted file";
        std::size_t missing = 0;
        for (const model::SchoolPlan& p : y.schools) missing += !p.in_inspection_file;
        EXPECT_EQ(missing, 34u) << "e.g. 113079 Countess Wear, an academy (150755) by 2025";
        EXPECT_FALSE(r.service.has_value()) << "Devon's schedule has no school-improvement service";
        EXPECT_GT(y.school_cost, d("0"));
        std::ostringstream md;
        report::write_improvement_markdown(md, r);
        EXPECT_NE(md.str().find("**34 of the census's schools are not in the inspection file** (URN 113079,"), std::string::npos);
    }
    // Hand-worked on Devon under havering-2025: 114 schools placed from the file, 34 not in it (year 5).
    app::ImprovementSpec spec;
    spec.census = kDevon + "/census-878.csv";
    spec.rates = kDevon + "/2025-26.toml";
    spec.inspections = kDevon + "/ofsted-878.csv";
    const auto r = app::run_improvement(spec);
    EXPECT_EQ(r.years.front().school_cost, d("105393.75"));  // + Tavistock's PRMs (Good (Concerns), trigger 1): 6 days
    EXPECT_EQ(r.base, d("28676"));  // maintained mainstream pupils (no special school in the cut)
    // Financial year: (5 × (£119,487.50 + £13,200) + 7 × (£105,393.75 + £13,200)) ÷ 12 = £124,466.15; ÷ 28,676 = 4.3404… → £4.35
    EXPECT_EQ(r.fy_total.cost, d("124466.15"));
    EXPECT_EQ(r.rate_per_pupil_with_fixed, d("4.35"));
}

TEST(Improvement, FrameworkFilesAreCheckedWithFileAndLine) {
    const std::string bad =
        "[framework]\nid = \"x\"\nname = \"X\"\nplacement = \"grade\"\nday_rate = \"-5\"\nday_rate_reason = \"r\"\n"
        "[[stage]]\nid = \"A\"\nlabel = \"A\"\n[[stage.activity]]\nname = \"visit\"\ndays = \"0.5\"\nstaff = 1\nper_year = \"lots\"\n"
        "[grade_map]\noutstanding = \"B\"\n";
    try {
        rates::load_framework(bad, "f.toml");
        ADD_FAILURE() << "accepted";
    } catch (const calc::InputError& e) {
        std::string all;
        for (const auto& p : e.diagnostics) all += p.to_string() + "\n";
        EXPECT_NE(all.find("f.toml:5: framework.day_rate"), std::string::npos) << all;
        EXPECT_NE(all.find("per_year"), std::string::npos) << all;
        EXPECT_NE(all.find("grade_map.outstanding: no stage \"B\""), std::string::npos) << all;
        EXPECT_NE(all.find("\"never\" is missing"), std::string::npos) << all;
    }
}

TEST(Improvement, AYearBeforeTheLatestInspectionsIsRefusedNotGuessed) {
    const auto dir = testing_cli::scratch("improvement-year");
    const auto r = testing_cli::dedeleg("improvement --year 2023-24", dir);
    EXPECT_EQ(r.exit_code, 2);
    // Hilldene, inspected 3 December 2024, line 29 of the shipped extract.
    EXPECT_NE(r.err.find("embedded:data/ofsted/havering-311-ofsted.csv:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("was last inspected in 2024-25, after --year 2023-24"), std::string::npos) << r.err;
    EXPECT_EQ(testing_cli::dedeleg("improvement --year 2025-26", dir).exit_code, 0);
    EXPECT_EQ(testing_cli::dedeleg("improvement --year 2027-28", dir).exit_code, 0);
}

// solve takes a framework's cost for the financial year as its target: (5 × (£27,843.75 + £13,200) + 7 × (£33,550 + £13,200)) ÷ 12
// = £44,372.40, ÷ (17,280 + 3 × 156.5) = £2.4999… → £2.50.
TEST(Improvement, SolveTakesAFrameworksCostAsItsTarget) {
    const auto dir = testing_cli::scratch("improvement-solve");
    const auto r = testing_cli::dedeleg("solve --framework havering-2025", dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("£33,550.00 + fixed work £13,200.00 = £46,750.00"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("(5 × £41,043.75 + 7 × £46,750.00) ÷ 12 = £532,468.75 ÷ 12 = £44,372.3958… → £44,372.40"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("£44,372.40 ÷ 17,749.5 (17,280 pupils + 3 × 156.5 places) = £2.4999… → £2.50 per pupil"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("a place at 3 × £2.50 = £7.50"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("raises £59,993.31"), std::string::npos) << r.out;
    // Without the fixed work, at £600 a day: 2024-25 50.625 days × £600 = £30,375, 2025-26 61 days × £600 = £36,600;
    // (5 × £30,375 + 7 × £36,600) ÷ 12 = £34,006.25 ÷ 17,749.5 = £1.9159… → £1.92.
    const auto s = testing_cli::dedeleg("solve --framework havering-2025 --schools-only --day-rate 600", dir);
    EXPECT_NE(s.out.find("£34,006.25 ÷ 17,749.5"), std::string::npos) << s.out;
    EXPECT_NE(s.out.find("→ £1.92 per pupil"), std::string::npos) << s.out;
    EXPECT_EQ(testing_cli::dedeleg("solve --framework havering-2025 --target 5", dir).exit_code, 1);
    EXPECT_EQ(testing_cli::dedeleg("solve --framework havering-2025 --year 2023-24", dir).exit_code, 2);
}

// Academies are priced apart on request: their work is shown, never put into the maintained schools' rate.
TEST(Improvement, AcademiesArePricedApartAndNotInTheRate) {
    app::ImprovementSpec spec;
    spec.academies = true;
    const auto r = app::run_improvement(spec);
    const model::ImprovementYear& y = r.years.front();
    std::size_t academies = 0;
    calc::Decimal academy_cost(0);
    for (const model::SchoolPlan& p : y.schools)
        if (p.academy) {
            ++academies;
            academy_cost += p.cost;
        }
    EXPECT_EQ(academies, 41u);  // Havering's 41 academies in the sample census
    EXPECT_EQ(y.academy_cost, academy_cost);
    EXPECT_EQ(y.school_cost, d("33550.00")) << "the maintained schools' work is unchanged";
    EXPECT_EQ(r.rate_per_pupil_with_fixed, d("2.50"));
}

// The years ahead: the cycle moves on; a chance of intervention after inspection, expected
// (deterministic) or simulated with the claims machinery's Poisson sampler.
TEST(Improvement, ProjectionExpectedAndSimulated) {
    app::ImprovementSpec spec;
    const auto plain = app::run_improvement(spec);
    ASSERT_EQ(plain.years.size(), 5u);
    EXPECT_EQ(plain.years[1].school_days, d("46.25"));
    EXPECT_EQ(plain.years[1].newly_inspected, 8);  // the 8 schools in year 5 in 2025-26
    EXPECT_EQ(plain.years[3].newly_inspected, 14);  // 2025-26's 14 year-3 schools, inspected in 2027-28
    spec.intervention_chance = "20%";
    const auto expected = app::run_improvement(spec);
    // 46.25 days + 8 schools × 20% × 6 PRMs × 0.5 day × 2 officers = 55.85 days × £550.
    EXPECT_EQ(expected.years[1].school_days, d("55.85"));
    EXPECT_EQ(expected.years[1].school_cost, d("30717.50"));
    EXPECT_EQ(expected.years[0].school_cost, d("33550.00")) << "the first year is placed from real inspections";
    EXPECT_TRUE(expected.simulation.empty()) << "deterministic unless --simulate";
    spec.simulate = true;
    const auto sim = app::run_improvement(spec);
    ASSERT_EQ(sim.simulation.size(), 5u);
    EXPECT_EQ(model::intervention_package_cost(sim.framework), d("3300.00"));  // 6 × 0.5 × 2 days × £550
    EXPECT_EQ(sim.simulation[0].total[0], d("46750.00"));
    EXPECT_EQ(sim.simulation[0].total[4], d("46750.00"));
    EXPECT_EQ(sim.simulation[1].expected_entries, d("1.6"));
    // Poisson(1.6): P(0) = 20.2%, P(≤1) = 52.5%, so the median is one entry: £25,437.50 + £13,200 fixed + £3,300.
    EXPECT_EQ(sim.simulation[1].entries[2], 1);
    EXPECT_EQ(sim.simulation[1].total[2], d("41937.50"));
    EXPECT_EQ(sim.simulation[1].entries[0], 0);
    for (const auto& o : sim.simulation)
        for (std::size_t i = 1; i < 5; ++i) EXPECT_LE(o.total[i - 1], o.total[i]) << "percentiles in order";
    // The same seed gives the same scenarios.
    const auto again = app::run_improvement(spec);
    for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(again.simulation[i].scenarios_above, sim.simulation[i].scenarios_above);
    // Refused: --simulate without a chance; a chance for a framework placed by grade.
    app::ImprovementSpec bad;
    bad.simulate = true;
    EXPECT_THROW(app::run_improvement(bad), calc::InputError);
    bad.simulate = false;
    bad.framework = "hillingdon-2022";
    bad.intervention_chance = "10%";
    EXPECT_THROW(app::run_improvement(bad), calc::InputError);
}

TEST(Improvement, CliWritesThePerSchoolCsvAndRefusesUnknownFrameworks) {
    const auto dir = testing_cli::scratch("improvement-cli");
    const auto r = testing_cli::dedeleg("improvement --out schools.csv --chart cost.svg", dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string csv = testing_cli::slurp(dir / "schools.csv");
    EXPECT_EQ(csv.substr(0, csv.find('\n')), "URN,School,LastInspection,Outcome,CycleYear,Intervention,Category,Activities,Days,Cost");
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 41);
    EXPECT_NE(csv.find("102325,Hilldene Primary School,2024-12-03,Not judged,2,yes,year-2,"), std::string::npos);
    EXPECT_NE(testing_cli::slurp(dir / "cost.svg").find("<svg"), std::string::npos);
    const auto md = testing_cli::dedeleg("improvement", dir);
    EXPECT_NE(md.out.find("raises £59,993.31"), std::string::npos);
    EXPECT_NE(md.out.find("the 40 maintained schools (39 Primary, 1 Special)"), std::string::npos);
    EXPECT_NE(md.out.find("## By cycle year"), std::string::npos);
    EXPECT_NE(md.out.find("| Year 3: full QA (Ofsted readiness) visit | 14 | Document review before the visit (0.5 d × 1 × 1); "
                          "Pre-visit meeting with leaders (0.25 d × 1 × 1); In-school QA visit by the link officer and an officer "
                          "(1 d × 2 × 1) | 38.5 | £21,175.00 |"),
              std::string::npos)
        << md.out;
    EXPECT_NE(md.out.find("£44,372.40 ÷ 17,749.5 → **£2.50 per pupil, £7.50 per place**"), std::string::npos) << md.out;
    const auto sim = testing_cli::dedeleg("improvement --intervention-chance 20% --simulate --format json", dir);
    ASSERT_EQ(sim.exit_code, 0) << sim.err;
    EXPECT_NE(sim.out.find("\"total_p50\": \"41937.50\""), std::string::npos) << sim.out;
    const auto simmd = testing_cli::dedeleg("improvement --intervention-chance 20% --simulate --chart sim.svg", dir);
    EXPECT_NE(simmd.out.find("### Simulated: 10,000 scenarios, seed 1"), std::string::npos) << simmd.out;
    EXPECT_NE(simmd.out.find("| 2026-27 | 8 | 1.6 | 0–4 | £38,637.50 | £41,937.50 |"), std::string::npos) << simmd.out;
    const std::string svg = testing_cli::slurp(dir / "sim.svg");
    EXPECT_NE(svg.find("whiskers: simulated P5-P95"), std::string::npos);
    EXPECT_NE(svg.find("stroke-dasharray"), std::string::npos) << "the line of what the schedule raises";
    EXPECT_EQ(testing_cli::dedeleg("improvement --simulate", dir).exit_code, 2);
    for (const char* rate : {"0", "100000.01", "550.505", "5%"}) {
        const auto r2 = testing_cli::dedeleg(std::string("improvement --day-rate ") + rate, dir);
        EXPECT_EQ(r2.exit_code, 2) << rate;
        EXPECT_NE(r2.err.find("--day-rate"), std::string::npos) << r2.err;
    }
    EXPECT_EQ(testing_cli::dedeleg("improvement --day-rate £100,000", dir).exit_code, 0);
    const auto bad = testing_cli::dedeleg("improvement --framework nosuch", dir);
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("no shipped framework \"nosuch\""), std::string::npos);
}

// Issue 18: an inspections file read by the one CSV row reader, with Ofsted's
// own words. Each case below was accepted on 72aec1f and the school priced as
// never inspected (Hillingdon: Priority 1, £8,800, instead of £550).
namespace hostile {

// The shipped Havering file with one field of URN 102268's row (graded Good in
// 2023) set to `value`, or the row cut to its first `keep` fields.
std::string havering_with(const std::string& column, const std::string& value, std::size_t keep = 0) {
    std::istringstream in(testing_cli::slurp(kHaveringOfsted));
    std::string line, out, header;
    std::getline(in, header);
    out = header + "\n";
    std::vector<std::string> names;
    for (std::istringstream h(header); std::getline(h, line, ',');) names.push_back(line);
    while (std::getline(in, line)) {
        if (line.rfind("102268,", 0) == 0) {
            const bool crlf = !line.empty() && line.back() == '\r';  // the file's lines end in CRLF
            if (crlf) line.pop_back();
            std::vector<std::string> fields;
            for (std::istringstream f(line + ","); std::getline(f, header, ',');) fields.push_back(header);
            for (std::size_t i = 0; i < names.size(); ++i)
                if (names[i] == column) fields[i] = value;
            if (keep) fields.resize(keep);
            line.clear();
            for (std::size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + fields[i];
            if (crlf) line += '\r';
        }
        out += line + "\n";
    }
    return out;
}

// The Hillingdon run on `text` as the inspections: the first problem, or the school's cost.
std::string hillingdon_on(const std::string& text) {
    const auto dir = testing_cli::scratch("hostile-ofsted");
    testing_cli::write(dir / "ofsted.csv", text);
    app::ImprovementSpec spec;
    spec.framework = "hillingdon-2022";
    spec.inspections = (dir / "ofsted.csv").string();
    try {
        const app::ImprovementReport r = app::run_improvement(spec);
        for (const model::SchoolPlan& p : r.years.front().schools)
            if (p.urn == "102268") return "priced " + p.cost.to_string();
        return "not placed";
    } catch (const calc::InputError& e) {
        const std::string first = e.diagnostics.at(0).to_string();
        return first.substr(first.find("ofsted.csv"));
    }
}

TEST(ImprovementHostile, AShortRowOrAGradeOfstedNeverWritesIsRefusedNotPricedAsNeverInspected) {
    // Unchanged, the school is priced as a Good school (the price is the framework's: not pinned here).
    const std::string as_good = hillingdon_on(havering_with("", ""));
    EXPECT_EQ(as_good.substr(0, 7), "priced ");
    const std::string any_grade = "\"Outstanding\", \"Good\", \"Requires improvement\", \"Inadequate\"";
    const std::pair<std::string, std::string> cases[] = {
        {havering_with("", "", 16), "ofsted.csv:2: row has 16 fields, header has 36"},
        {havering_with("", "", 40), "ofsted.csv:2: row has 40 fields, header has 36"},
        {havering_with("graded_overall_effectiveness", "2"),
         "ofsted.csv:2: graded_overall_effectiveness: \"2\" is not Ofsted's word for it: write " + any_grade + " or \"Not judged\""},
        {havering_with("graded_overall_effectiveness", "Outstandingg"),
         "ofsted.csv:2: graded_overall_effectiveness: \"Outstandingg\" is not Ofsted's word for it"},
        {havering_with("graded_overall_effectiveness", ""), "ofsted.csv:2: graded_overall_effectiveness: blank; Ofsted writes one of"},
        {havering_with("quality_of_education", "4"), "ofsted.csv:2: quality_of_education: \"4\" is not Ofsted's word for it: write " +
                                                         any_grade + " or \"N/A\""},
        {havering_with("leadership_and_management", "N/A"), "ofsted.csv:2: leadership_and_management: \"N/A\" is not Ofsted's word"},
        {havering_with("personal_development", ""), "ofsted.csv:2: personal_development: blank"},
        {havering_with("last_inspection_kind", ""), "ofsted.csv:2: last_inspection_date: a date with no last_inspection_kind"},
        {havering_with("last_inspection_kind", "section 8"), "ofsted.csv:2: last_inspection_kind: \"section 8\" is not an inspection kind"},
        {havering_with("last_inspection_date", ""), "ofsted.csv:2: last_inspection_date: blank"},
        {havering_with("last_inspection_date", "2023-02-31"),
         "ofsted.csv:2: last_inspection_date: \"2023-02-31\" is not a date of the calendar"},
        {havering_with("outcome", "Goood"), "ofsted.csv:2: outcome: \"Goood\"; Ofsted writes the outcome of a graded inspection as"},
        {havering_with("outcome", "Outstanding"), "ofsted.csv:2: outcome: \"Outstanding\" but graded_overall_effectiveness is \"Good\""},
        {havering_with("category_of_concern", "special measures"), "ofsted.csv:2: category_of_concern: \"special measures\" is not"},
        {havering_with("school_name", "James\x1b[2J"), "ofsted.csv:2: school_name: control character U+001B; remove it"},
        {havering_with("school_name", "James\xe2\x80\xae"), "ofsted.csv:2: school_name: control character U+202E; remove it"},
    };
    for (const auto& [text, problem] : cases) EXPECT_EQ(hillingdon_on(text).substr(0, problem.size()), problem);
    // Ofsted's words in another case are its words, kept as Ofsted spells them.
    EXPECT_EQ(hillingdon_on(havering_with("graded_overall_effectiveness", "GOOD")), as_good);
}

TEST(ImprovementHostile, ADateIsADayOfTheCalendar) {
    for (const char* no : {"2023-02-31", "2023-02-29", "2100-02-29", "2023-04-31", "2023-06-00", "0000-01-01", "2023-13-01"})
        EXPECT_FALSE(model::parse_date(no).has_value()) << no;
    for (const char* yes : {"2024-02-29", "2000-02-29", "2023-12-31", "2023-01-31"}) EXPECT_TRUE(model::parse_date(yes).has_value()) << yes;
}

TEST(ImprovementHostile, ANeverInspectedSchoolHasNoGradesAndAnInspectedOneHasThemAll) {
    // URN 147938 in the Havering file: never inspected, every grade blank, "Not yet inspected".
    const std::string text = testing_cli::slurp(kHaveringOfsted);
    EXPECT_NE(text.find(",Not yet inspected,"), std::string::npos);
    std::string graded_never = text;
    const std::size_t at = graded_never.find(",Not yet inspected,");
    const std::size_t line_end = graded_never.find('\n', at);
    const std::size_t line_start = graded_never.rfind('\n', at) + 1;
    const long line = std::count(text.begin(), text.begin() + static_cast<long>(line_start), '\n') + 1;
    std::string row = graded_never.substr(line_start, line_end - line_start);
    // Its quality_of_education (the 18th column) given a grade while the school was never inspected.
    std::vector<std::string> f;
    for (std::istringstream in(row + ","); std::getline(in, row, ',');) f.push_back(row);
    f[17] = "Good";
    row.clear();
    for (std::size_t i = 0; i < f.size(); ++i) row += (i ? "," : "") + f[i];
    graded_never.replace(line_start, line_end - line_start, row);
    EXPECT_EQ(hillingdon_on(graded_never).substr(0, 60),
              ("ofsted.csv:" + std::to_string(line) + ": quality_of_education: \"Good\" for a school never inspected").substr(0, 60));
}

TEST(ImprovementHostile, TheCategoriesFileKeepsTheSameRules) {
    const auto dir = testing_cli::scratch("hostile-categories");
    app::ImprovementSpec spec;
    spec.framework = "havering-2011";
    for (const auto& [text, problem] : std::vector<std::pair<std::string, std::string>>{
             {"URN,Category,Intervention\n102268,3C\n", "cats.csv:2: row has 2 fields, header has 3"},
             {"URN,Category\n102268,3C,yes\n", "cats.csv:2: row has 3 fields, header has 2"},
             {"URN,Category,School\n102268,3C,\"James\x1b]0;owned\x07\"\n", "cats.csv:2: School: control character U+001B"},
             // A second byte-order mark is no text: the header names it escaped, never as the raw bytes.
             {"\xEF\xBB\xBF\xEF\xBB\xBFURN,Category\n102268,3C\n",
              "cats.csv:1: \\xEF\\xBB\\xBFURN: control character U+FEFF (a byte-order mark); remove it"}}) {
        testing_cli::write(dir / "cats.csv", text);
        spec.categories = (dir / "cats.csv").string();
        try {
            app::run_improvement(spec);
            ADD_FAILURE() << "accepted: " << text;
        } catch (const calc::InputError& e) {
            const std::string got = e.diagnostics.at(0).to_string();
            EXPECT_EQ(got.substr(got.find("cats.csv")).substr(0, problem.size()), problem);
            EXPECT_EQ(got.find("\xEF\xBB\xBF"), std::string::npos);
        }
    }
    // One byte-order mark at the start is the file's, and taken off.
    testing_cli::write(dir / "cats.csv", "\xEF\xBB\xBFURN,Category\n102268,3C\n");
    spec.categories = (dir / "cats.csv").string();
    EXPECT_NO_THROW(app::run_improvement(spec));
}

TEST(ImprovementHostile, ADeviceOrEndlessPipeIsRefusedQuicklyNotReadUntilMemoryRunsOut) {
    const auto dir = testing_cli::scratch("hostile-devices");
    for (const char* option : {"--inspections", "--categories"})
        for (const char* device : {"/dev/urandom", "/dev/zero"}) {
            const auto start = std::chrono::steady_clock::now();
            const auto r = testing_cli::dedeleg(std::string("improvement --framework havering-2011 ") + option + " " + device, dir);
            EXPECT_EQ(r.exit_code, 2) << option << " " << device << ": " << r.err;
            EXPECT_NE(r.err.find(device), std::string::npos) << r.err;
            EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20)) << option << " " << device;
        }
}

}  // namespace hostile

}  // namespace
