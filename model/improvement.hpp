#pragma once
// What core school improvement costs: a quality-assurance framework (stages or
// categories, each with activities of days × staff × times a year), how a
// school is placed in it from its latest Ofsted inspection (or the LA's own
// category), and the days and cost that follow. Pure: no files.
//
// Money: days are exact decimals; a school's cost is days × the day rate,
// rounded once, half up, to the penny; totals are sums of those pennies.

#include "calc/decimal.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace model {

enum class Grade { outstanding = 1, good = 2, requires_improvement = 3, inadequate = 4 };

/// "Outstanding", "Good", "Requires improvement", "Inadequate" (any case); else nothing.
std::optional<Grade> grade_from_words(std::string_view words);
std::string_view words_of(Grade g);

/// A calendar date, as Ofsted's files write it (2023-06-20). parse_date gives
/// nothing for a day the calendar does not have (2023-02-31, 2023-02-29).
struct Date {
    int year = 0, month = 0, day = 0;
    friend auto operator<=>(const Date&, const Date&) = default;
};
std::optional<Date> parse_date(std::string_view iso);

/// The academic year a date falls in, by the year it starts: 1 September 2023
/// to 31 August 2024 is 2023 ("2023-24").
int academic_year_of(const Date& d);
/// "2025-26" -> 2025; nothing for anything else.
std::optional<int> academic_year_from_label(std::string_view label);
std::string academic_year_label(int start);

/// A school's latest Ofsted inspection as the published file gives it.
struct InspectionRecord {
    std::string urn;
    std::string school_name;
    std::optional<Date> last_inspection;  ///< the later of the last graded and ungraded; none: never inspected
    std::string kind;                     ///< "graded", "ungraded" or "" (never)
    std::string outcome;                  ///< the last event's outcome, in Ofsted's words
    std::string overall_effectiveness;    ///< of the last graded inspection ("Good", "Not judged", ...)
    std::array<std::string, 4> key_judgements;  ///< quality of education, behaviour, personal development, leadership
    std::string category_of_concern;      ///< "SM", "SWK" or ""
    long line = 0;                        ///< where it was read, for messages
};

/// Where a school stands in an academic year.
struct Standing {
    bool never_inspected = false;
    std::optional<Grade> grade;  ///< the current grade (see current_grade)
    std::string grade_rule;      ///< which rule gave it, in words
    std::optional<int> years_since;  ///< academic years since the last inspection + 1, uncapped (1 = inspected this year)
    /// The latest event is an ungraded inspection whose outcome is "School remains Good (Concerns)" or
    /// "... Outstanding (Concerns)": the school keeps its grade, but Ofsted's evidence suggests a graded
    /// inspection might not confirm it (its next inspection is graded, "S5 Next").
    bool concerns = false;
    /// Havering 2025-26's trigger 1: graded below Good, or an ungraded inspection suggests below Good
    /// (Good (Concerns)), or a category of concern. Outstanding (Concerns) suggests below Outstanding,
    /// which may still be Good: not trigger 1.
    bool intervention = false;
};

/// The graded inspection's overall effectiveness; for a "Not judged" graded
/// inspection (from September 2024) the worst of its four key judgements; an
/// ungraded outcome keeps the last graded grade. Nothing when never graded.
std::optional<Grade> current_grade(const InspectionRecord& r, std::string& rule);

/// The school's standing in the academic year starting `academic_year`.
Standing standing_of(const InspectionRecord& r, int academic_year);

/// An ungraded outcome with "(Concerns)" in Ofsted's words ("School remains Good (Concerns) - S5 Next").
bool ungraded_with_concerns(const InspectionRecord& r);

/// The standings a grade framework maps to its stages (the keys of [grade_map]):
/// outstanding, good, outstanding (concerns), good (concerns), requires improvement,
/// inadequate, concern (a category of concern), never (never inspected or not in the file).
const std::vector<std::string>& standing_keys();
/// The key for a school's standing (`category_of_concern`: special measures or serious weaknesses).
std::string standing_key(const Standing& s, bool category_of_concern);

/// A day rate a framework or --day-rate may set: above £0, at most £100,000,
/// pounds and pence (so days × staff × times × rate stays far inside Decimal).
bool valid_day_rate(const calc::Decimal& rate);

/// One activity of a stage: days × staff × times a year.
struct Activity {
    std::string name;
    calc::Decimal days;      ///< per occasion, per member of staff
    calc::Decimal staff;     ///< people who go
    calc::Decimal per_year;  ///< occasions a year
    calc::Decimal days_a_year() const { return days * staff * per_year; }
};

/// A framework's number that its source does not give: ours, labelled, overridable.
struct Assumption {
    std::string what;
    std::string value;
    std::string reason;
};

/// Work the source funds that the framework does not cost (it depends on what no input gives,
/// such as a headship falling vacant): listed in every report so that nothing is left out silently.
struct NotCosted {
    std::string what;
    std::string source;  ///< where the document funds it
    std::string reason;  ///< why it is not costed, and how to cost it
};

/// A stage of a cycle (cycle year 1-5) or a support category ("1", "3A", "Priority 2", "Amber").
struct Stage {
    std::string id;
    std::string label;
    std::optional<int> cycle_year;  ///< cycle frameworks: 1..5
    std::vector<Activity> activities;
};

enum class PlacementRule { cycle, grade };

struct Framework {
    std::string id;
    std::string name;
    std::string source;                      ///< the document it follows
    PlacementRule placement = PlacementRule::grade;
    std::vector<Stage> stages;
    /// Grade placement: each of standing_keys() -> stage id.
    std::map<std::string, std::string> grade_map;
    std::vector<Activity> intervention;      ///< cycle frameworks: added while a school needs intervention
    std::vector<Activity> overdue;           ///< cycle frameworks: added when the inspection is overdue (past year 5)
    std::vector<Activity> fixed;             ///< the LA's own work, not per school (reported separately)
    calc::Decimal day_rate;                  ///< pounds a day
    std::string day_rate_reason;
    std::vector<Assumption> assumptions;
    std::vector<NotCosted> not_costed;

    const Stage* stage(std::string_view stage_id) const;
    const Stage* cycle_stage(int year) const;
};

/// One school's plan for the year.
struct SchoolPlan {
    std::string urn;
    std::string name;
    std::string phase;                       ///< "Primary", "Special"... (for the report's counts)
    bool academy = false;                    ///< priced apart: academies are not charged the de-delegated rate
    Standing standing;
    std::string last_inspection;             ///< "2023-06-20", or "" when never inspected
    std::string outcome;                     ///< Ofsted's words for it, or why there is none
    std::optional<int> cycle_year;           ///< cycle frameworks: 1..5 (5 = due or overdue)
    std::string stage_id;                    ///< the stage or category it is placed in
    std::string placed_by;                   ///< "cycle", "grade", "LA category", "never inspected"
    bool in_inspection_file = true;          ///< false: the URN is not in the Ofsted file (closed or converted since the census?)
    std::vector<Activity> activities;        ///< all it receives this year
    calc::Decimal days;
    calc::Decimal cost;                      ///< to the penny
};

/// The LA's own per-school overrides: a category (stage id) and/or intervention.
struct LaCategory {
    std::optional<std::string> stage_id;
    std::optional<bool> intervention;
    long line = 0;  ///< where it was read, for messages
};

/// Places one school (a null record: not in the inspection file, i.e. never
/// inspected) and prices its activities. Throws std::invalid_argument for a
/// framework that names a stage it lacks (the loader prevents it).
SchoolPlan plan_school(const Framework& f, const std::string& urn, const std::string& name, const InspectionRecord* record,
                       const LaCategory* la, int academic_year);

/// The whole year: every school's plan, the fixed costs apart.
struct ImprovementYear {
    int academic_year = 0;
    std::vector<SchoolPlan> schools;
    calc::Decimal school_days, school_cost;  ///< sums over maintained schools (cost: of the pennies)
    calc::Decimal academy_days, academy_cost;  ///< academies priced on request (charged to them, not in the rate)
    calc::Decimal fixed_days, fixed_cost;    ///< the framework's fixed work (cost rounded once, half up)
    /// Projected years of a cycle framework: maintained schools inspected the year
    /// before and not already in intervention (those an inspection could move into it).
    long long newly_inspected = 0;
};

struct SchoolRef {
    std::string urn, name;
    std::string phase;     ///< label, e.g. "Primary"
    bool academy = false;
};

ImprovementYear plan_year(const Framework& f, const std::vector<SchoolRef>& schools,
                          const std::map<std::string, InspectionRecord>& inspections,
                          const std::map<std::string, LaCategory>& la, int academic_year);

/// Years ahead: each school's cycle advances a year at a time; a school in
/// year 5 is inspected that year and starts again at year 1. With
/// `intervention_chance` p, a school's first year after such an inspection
/// adds p × the intervention activities (an expectation, deterministic).
/// Grade frameworks keep each school's category (no inspection outcome is
/// guessed). Returns one year per entry, the first being `academic_year`.
std::vector<ImprovementYear> project_years(const Framework& f, const std::vector<SchoolRef>& schools,
                                           const std::map<std::string, InspectionRecord>& inspections,
                                           const std::map<std::string, LaCategory>& la, int academic_year, int years,
                                           const calc::Decimal& intervention_chance);

/// One projected year simulated: how many newly inspected schools enter
/// intervention, and the total cost (schools + fixed) that follows.
struct InterventionOutlook {
    int academic_year = 0;
    calc::Decimal expected_entries;            ///< chance × newly inspected schools (exact)
    std::array<long long, 5> entries{};        ///< P5, P25, P50, P75, P95 of entries (nearest rank)
    std::array<calc::Decimal, 5> total;        ///< the same percentiles of the year's total cost, exact to the penny
    long long scenarios_above = 0;             ///< scenarios whose total is above `raised` (when given)
};

/// Simulates intervention after inspection with the claims machinery's Poisson
/// sampler (model::PoissonSampler, same seed -> same scenarios everywhere):
/// in each projected year, entries ~ Poisson(chance × newly_inspected), capped at
/// newly_inspected; each entry adds the framework's intervention work for the year
/// (its days × the day rate, to the penny). `base` is the projection without
/// the chance (project_years with 0). Money stays exact: total = base total +
/// entries × the package cost. The first year (placed from real inspections) has
/// no entries.
std::vector<InterventionOutlook> simulate_interventions(const Framework& f, const std::vector<ImprovementYear>& base,
                                                        const calc::Decimal& chance, const std::optional<calc::Decimal>& raised,
                                                        int scenarios, std::uint64_t seed);

/// The cost of one school's intervention work for a year (days × day rate, to the penny).
calc::Decimal intervention_package_cost(const Framework& f);

/// A financial year's cost from two academic years' costs. An English LA's financial
/// year runs 1 April to 31 March and a rate is set for it; a framework's work is
/// planned by academic year (1 September to 31 August). Financial year Y (1 April Y to
/// 31 March Y+1) holds April-August of academic year Y-1 (5 months) and
/// September-March of academic year Y (7 months):
///   cost = (5 × AY(Y-1) + 7 × AY(Y)) ÷ 12, rounded once, half up, to the penny.
struct FinancialYearCost {
    int financial_year = 0;     ///< Y: 1 April Y to 31 March Y+1
    calc::Decimal earlier;      ///< academic year Y-1's cost (April-August: 5/12)
    calc::Decimal later;        ///< academic year Y's cost (September-March: 7/12)
    calc::Decimal weighted;     ///< 5 × earlier + 7 × later, exact
    calc::Decimal cost;         ///< weighted ÷ 12, half up to the penny
};
inline constexpr int kMonthsFromEarlierAcademicYear = 5;  ///< April to August
inline constexpr int kMonthsFromLaterAcademicYear = 7;    ///< September to March
FinancialYearCost financial_year_cost(int financial_year, const calc::Decimal& earlier, const calc::Decimal& later);

/// What the schedule's service raises, beside what the work costs.
struct ServiceRaise {
    std::string name;
    std::optional<calc::Decimal> pupil_rate, place_rate;
    calc::Decimal raised;  ///< the sum of the per-school pennies the schedule charges
};

/// A framework priced for a census: the years, the charged base and the rates
/// that would fund the work.
struct Costing {
    Framework framework;
    std::string inspections_source, census_source;
    std::vector<ImprovementYear> years;  ///< the first is the year asked for
    // The charged base: maintained mainstream pupils + 3 × maintained special places (the paper's 3× rule).
    long long pupils = 0;
    calc::Decimal places, base;
    /// The financial year the rate is for (the one sharing the academic year's label:
    /// academic year 2025-26 -> financial year 2025-26) and its cost, schools alone and with the fixed work.
    /// `earlier_year` is academic year Y-1 placed from the same inspections; when a school of the census
    /// was inspected after it (the file keeps only the latest inspection), it cannot be placed and its
    /// share is taken at academic year Y's cost (`earlier_placed` false, said in the output).
    FinancialYearCost fy_schools, fy_total;
    std::optional<ImprovementYear> earlier_year;
    bool earlier_placed = true;
    calc::Decimal rate_per_pupil, rate_per_place;  ///< to fund the schools' work for the financial year, rounded up to the penny
    calc::Decimal rate_per_pupil_with_fixed, rate_per_place_with_fixed;  ///< the fixed work too
    std::optional<ServiceRaise> service;
    std::vector<std::string> shipped_frameworks;
    calc::Decimal intervention_chance;            ///< as asked (0: deterministic)
    std::vector<InterventionOutlook> simulation;  ///< when asked: one entry per projected year
    int scenarios = 0;
    std::uint64_t seed = 0;
};

}  // namespace model
