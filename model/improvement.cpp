#include "model/improvement.hpp"

#include "model/poisson.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace model {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool number(std::string_view s, int& out) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

calc::Decimal cost_of(const calc::Decimal& days, const calc::Decimal& day_rate) {
    return (days * day_rate).round(2, calc::RoundingMode::half_up);  // once per school, to the penny
}

calc::Decimal days_of(const std::vector<Activity>& activities) {
    calc::Decimal total(0);
    for (const Activity& a : activities) total += a.days_a_year();
    return total;
}

}  // namespace

const std::vector<std::string>& standing_keys() {
    static const std::vector<std::string> keys = {"outstanding", "good", "outstanding (concerns)", "good (concerns)",
                                                  "requires improvement", "inadequate", "concern", "never"};
    return keys;
}

std::string standing_key(const Standing& s, bool category_of_concern) {
    if (s.never_inspected || !s.grade) return "never";
    if (category_of_concern) return "concern";
    return lower(words_of(*s.grade)) + (s.concerns ? " (concerns)" : "");
}

bool ungraded_with_concerns(const InspectionRecord& r) {
    return r.kind == "ungraded" && lower(r.outcome).find("(concerns)") != std::string::npos;
}

FinancialYearCost financial_year_cost(int financial_year, const calc::Decimal& earlier, const calc::Decimal& later) {
    FinancialYearCost c;
    c.financial_year = financial_year;
    c.earlier = earlier;
    c.later = later;
    c.weighted = calc::Decimal(kMonthsFromEarlierAcademicYear) * earlier + calc::Decimal(kMonthsFromLaterAcademicYear) * later;
    c.cost = calc::divide(c.weighted, calc::Decimal(12), 2, calc::RoundingMode::half_up);  // the one rounding, to the penny
    return c;
}

bool valid_day_rate(const calc::Decimal& rate) {
    return rate.sign() > 0 && rate <= calc::Decimal(100000) && rate.significant_places() <= 2;
}

std::optional<Grade> grade_from_words(std::string_view words) {
    const std::string w = lower(words);
    if (w == "outstanding") return Grade::outstanding;
    if (w == "good") return Grade::good;
    if (w == "requires improvement") return Grade::requires_improvement;
    if (w == "inadequate") return Grade::inadequate;
    return std::nullopt;
}

std::string_view words_of(Grade g) {
    switch (g) {
        case Grade::outstanding: return "Outstanding";
        case Grade::good: return "Good";
        case Grade::requires_improvement: return "Requires improvement";
        case Grade::inadequate: return "Inadequate";
    }
    return "";
}

std::optional<Date> parse_date(std::string_view iso) {
    Date d;
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
    if (!number(iso.substr(0, 4), d.year) || !number(iso.substr(5, 2), d.month) || !number(iso.substr(8, 2), d.day))
        return std::nullopt;
    if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
    // A day of the calendar: 2023-02-31 and 2023-02-29 are none (2024-02-29 is).
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    const int days_in_month[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.day > days_in_month[d.month - 1]) return std::nullopt;
    return d;
}

int academic_year_of(const Date& d) { return d.month >= 9 ? d.year : d.year - 1; }

std::optional<int> academic_year_from_label(std::string_view label) {
    int start = 0, end = 0;
    if (label.size() != 7 || label[4] != '-' || !number(label.substr(0, 4), start) || !number(label.substr(5, 2), end))
        return std::nullopt;
    if ((start + 1) % 100 != end) return std::nullopt;
    return start;
}

std::string academic_year_label(int start) {
    const int end = (start + 1) % 100;
    return std::to_string(start) + "-" + (end < 10 ? "0" : "") + std::to_string(end);
}

std::optional<Grade> current_grade(const InspectionRecord& r, std::string& rule) {
    if (const auto g = grade_from_words(r.overall_effectiveness)) {
        rule = r.kind == "ungraded" ? "last graded inspection (an ungraded outcome keeps it)" : "graded overall effectiveness";
        return g;
    }
    if (lower(r.overall_effectiveness) == "not judged") {
        std::optional<Grade> worst;
        for (const std::string& k : r.key_judgements)
            if (const auto g = grade_from_words(k); g && (!worst || *g > *worst)) worst = g;
        if (worst) {
            rule = "worst of the four key judgements (no overall grade from September 2024)";
            return worst;
        }
    }
    rule = "never graded";
    return std::nullopt;
}

Standing standing_of(const InspectionRecord& r, int academic_year) {
    Standing s;
    s.grade = current_grade(r, s.grade_rule);
    s.never_inspected = !r.last_inspection;
    if (r.last_inspection) s.years_since = academic_year - academic_year_of(*r.last_inspection) + 1;
    s.concerns = s.grade && *s.grade <= Grade::good && ungraded_with_concerns(r);
    if (s.concerns) s.grade_rule += "; the ungraded inspection raised concerns (next inspection graded)";
    s.intervention = !r.category_of_concern.empty() ||
                     (s.grade && (*s.grade == Grade::requires_improvement || *s.grade == Grade::inadequate)) ||
                     (s.concerns && *s.grade == Grade::good);
    return s;
}

const Stage* Framework::stage(std::string_view stage_id) const {
    for (const Stage& s : stages)
        if (s.id == stage_id) return &s;
    return nullptr;
}

const Stage* Framework::cycle_stage(int year) const {
    for (const Stage& s : stages)
        if (s.cycle_year == year) return &s;
    return nullptr;
}

SchoolPlan plan_school(const Framework& f, const std::string& urn, const std::string& name, const InspectionRecord* record,
                       const LaCategory* la, int academic_year) {
    SchoolPlan p;
    p.urn = urn;
    p.name = name;
    if (record) {
        p.standing = standing_of(*record, academic_year);
        p.outcome = record->outcome;
        if (record->last_inspection) {
            char d[16];
            std::snprintf(d, sizeof d, "%04d-%02d-%02d", record->last_inspection->year, record->last_inspection->month,
                          record->last_inspection->day);
            p.last_inspection = d;
        }
    } else {
        p.standing.never_inspected = true;
        p.standing.grade_rule = "not in the inspection file";
        p.in_inspection_file = false;
        p.outcome = "Not in the inspection file";
    }
    if (la && la->intervention) p.standing.intervention = *la->intervention;
    const bool concern = record && !record->category_of_concern.empty();

    const Stage* stage = nullptr;
    if (la && la->stage_id) {
        stage = f.stage(*la->stage_id);
        p.placed_by = "LA category";
    } else if (f.placement == PlacementRule::cycle) {
        // Never inspected: treated as due (year 5), the readiness work it most needs. An assumption, stated in the framework.
        const int year = p.standing.years_since ? std::clamp(*p.standing.years_since, 1, 5) : 5;
        p.cycle_year = year;
        stage = f.cycle_stage(year);
        p.placed_by = p.standing.never_inspected ? "never inspected" : "cycle";
    } else {
        const auto it = f.grade_map.find(standing_key(p.standing, concern));
        if (it != f.grade_map.end()) stage = f.stage(it->second);
        p.placed_by = p.standing.never_inspected ? "never inspected" : "grade";
    }
    if (!stage) throw std::invalid_argument("framework " + f.id + " has no stage for school " + urn);
    if (!p.cycle_year && stage->cycle_year) p.cycle_year = stage->cycle_year;
    p.stage_id = stage->id;
    p.activities = stage->activities;
    if (f.placement == PlacementRule::cycle) {
        if (p.standing.intervention)
            p.activities.insert(p.activities.end(), f.intervention.begin(), f.intervention.end());
        if (p.standing.years_since && *p.standing.years_since > 5)
            p.activities.insert(p.activities.end(), f.overdue.begin(), f.overdue.end());
    }
    p.days = days_of(p.activities);
    p.cost = cost_of(p.days, f.day_rate);
    return p;
}

namespace {

ImprovementYear total(const Framework& f, int academic_year, std::vector<SchoolPlan> plans) {
    ImprovementYear y;
    y.academic_year = academic_year;
    y.schools = std::move(plans);
    for (const SchoolPlan& p : y.schools) {
        (p.academy ? y.academy_days : y.school_days) += p.days;
        (p.academy ? y.academy_cost : y.school_cost) += p.cost;
    }
    y.fixed_days = days_of(f.fixed);
    y.fixed_cost = cost_of(y.fixed_days, f.day_rate);
    return y;
}

}  // namespace

ImprovementYear plan_year(const Framework& f, const std::vector<SchoolRef>& schools,
                          const std::map<std::string, InspectionRecord>& inspections,
                          const std::map<std::string, LaCategory>& la, int academic_year) {
    std::vector<SchoolPlan> plans;
    for (const SchoolRef& s : schools) {
        const auto r = inspections.find(s.urn);
        const auto c = la.find(s.urn);
        plans.push_back(plan_school(f, s.urn, s.name, r == inspections.end() ? nullptr : &r->second,
                                    c == la.end() ? nullptr : &c->second, academic_year));
        plans.back().phase = s.phase;
        plans.back().academy = s.academy;
    }
    return total(f, academic_year, std::move(plans));
}

std::vector<ImprovementYear> project_years(const Framework& f, const std::vector<SchoolRef>& schools,
                                           const std::map<std::string, InspectionRecord>& inspections,
                                           const std::map<std::string, LaCategory>& la, int academic_year, int years,
                                           const calc::Decimal& intervention_chance) {
    std::vector<ImprovementYear> out;
    out.push_back(plan_year(f, schools, inspections, la, academic_year));
    if (f.placement != PlacementRule::cycle) {
        for (int k = 1; k < years; ++k) {
            ImprovementYear next = out.front();
            next.academic_year = academic_year + k;
            out.push_back(std::move(next));
        }
        return out;
    }
    // Each school's record moves with the cycle: inspected in its year-5 year.
    std::map<std::string, InspectionRecord> moving = inspections;
    for (int k = 1; k < years; ++k) {
        const int year = academic_year + k;
        std::vector<std::string> inspected_now;
        for (const SchoolPlan& p : out.back().schools)
            if (p.cycle_year == 5) {
                InspectionRecord& r = moving[p.urn];
                r.urn = p.urn;
                r.last_inspection = Date{year - 1, 12, 1};  // inspected during the year before this one
                r.kind = "graded";
                inspected_now.push_back(p.urn);
            }
        ImprovementYear y = plan_year(f, schools, moving, la, year);
        long long newly_inspected = 0;
        for (const SchoolPlan& p : y.schools)
            newly_inspected += !p.academy && !p.standing.intervention &&
                               std::find(inspected_now.begin(), inspected_now.end(), p.urn) != inspected_now.end();
        for (SchoolPlan& p : y.schools)
            if (intervention_chance.sign() > 0 && !p.standing.intervention &&
                std::find(inspected_now.begin(), inspected_now.end(), p.urn) != inspected_now.end()) {
                for (Activity a : f.intervention) {
                    a.per_year = a.per_year * intervention_chance;
                    a.name += " (expected: chance of intervention after inspection)";
                    p.activities.push_back(a);
                }
                p.days = days_of(p.activities);
                p.cost = cost_of(p.days, f.day_rate);
            }
        out.push_back(total(f, year, std::move(y.schools)));
        out.back().newly_inspected = newly_inspected;
    }
    return out;
}

calc::Decimal intervention_package_cost(const Framework& f) { return cost_of(days_of(f.intervention), f.day_rate); }

std::vector<InterventionOutlook> simulate_interventions(const Framework& f, const std::vector<ImprovementYear>& base,
                                                        const calc::Decimal& chance, const std::optional<calc::Decimal>& raised,
                                                        int scenarios, std::uint64_t seed) {
    if (scenarios < 1) throw std::invalid_argument("at least one scenario");
    const calc::Decimal package = intervention_package_cost(f);
    const double p = std::stod(chance.to_string());  // a Poisson mean is a double; no money passes through it
    std::vector<std::vector<long long>> draws(base.size(), std::vector<long long>(static_cast<std::size_t>(scenarios), 0));
    PoissonSampler sampler(seed);
    for (int s = 0; s < scenarios; ++s)
        for (std::size_t y = 1; y < base.size(); ++y) {
            const long long n = base[y].newly_inspected;
            draws[y][static_cast<std::size_t>(s)] = std::min(n, sampler.draw(p * static_cast<double>(n)));
        }
    std::vector<InterventionOutlook> out;
    for (std::size_t y = 0; y < base.size(); ++y) {
        InterventionOutlook o;
        o.academic_year = base[y].academic_year;
        o.expected_entries = y == 0 ? calc::Decimal(0) : chance * calc::Decimal(base[y].newly_inspected);
        const calc::Decimal fixed_total = base[y].school_cost + base[y].fixed_cost;
        std::vector<long long> sorted = draws[y];
        std::sort(sorted.begin(), sorted.end());
        for (std::size_t i = 0; i < 5; ++i) {
            // Nearest rank: the smallest draw with at least q% of scenarios at or below it.
            const double q = std::array<double, 5>{5, 25, 50, 75, 95}[i];
            auto rank = static_cast<std::size_t>(std::ceil(q / 100.0 * static_cast<double>(sorted.size())));
            rank = std::clamp<std::size_t>(rank, 1, sorted.size());
            o.entries[i] = sorted[rank - 1];
            o.total[i] = fixed_total + package * calc::Decimal(o.entries[i]);
        }
        if (raised)
            for (long long e : draws[y]) o.scenarios_above += fixed_total + package * calc::Decimal(e) > *raised;
        out.push_back(o);
    }
    return out;
}

}  // namespace model
