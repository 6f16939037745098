#include "report/improvement_report.hpp"

#include "calc/money_format.hpp"
#include "model/claims_simulation.hpp"
#include "model/rate_rules.hpp"
#include "report/csv_field.hpp"
#include "report/html_text.hpp"
#include "report/markdown.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

namespace report {

namespace {

std::string pounds(const calc::Decimal& d) { return calc::format_pounds(d.round(2, calc::RoundingMode::half_up), 2); }
std::string whole_pounds(const calc::Decimal& d) { return calc::format_pounds(d.round(0, calc::RoundingMode::half_up), 0); }
std::string days(const calc::Decimal& d) { return calc::format_count(d); }

std::string activities_text(const model::SchoolPlan& p) {
    std::string out;
    for (const model::Activity& a : p.activities) {
        if (a.days_a_year().is_zero()) continue;
        out += (out.empty() ? "" : "; ") + a.name + " (" + calc::format_count(a.days) + " d × " + calc::format_count(a.staff) +
               " × " + calc::format_count(a.per_year) + ")";
    }
    return out.empty() ? "none" : out;
}

std::string xml(std::string_view text) { return html_text(text); }  // the chart's SVG text

}  // namespace

namespace {

std::string stage_activities(const std::vector<model::Activity>& list) {
    std::string out;
    for (const model::Activity& a : list)
        out += (out.empty() ? "" : "; ") + a.name + " (" + calc::format_count(a.days) + " d × " + calc::format_count(a.staff) + " × " +
               calc::format_count(a.per_year) + ")";
    return out.empty() ? "none" : out;
}

// "39 Primary, 1 Special"
std::string phase_counts(const std::vector<model::SchoolPlan>& plans, bool academies) {
    std::vector<std::pair<std::string, int>> counts;
    for (const model::SchoolPlan& p : plans) {
        if (p.academy != academies) continue;
        auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == p.phase; });
        if (it == counts.end()) counts.push_back({p.phase, 1});
        else ++it->second;
    }
    std::string out;
    for (const auto& [phase, n] : counts) out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + (phase.empty() ? "other" : phase);
    return out;
}

std::string activity_names(const model::SchoolPlan& p) {
    std::string out;
    for (const model::Activity& a : p.activities)
        if (!a.days_a_year().is_zero()) out += (out.empty() ? "" : "; ") + a.name;
    return out.empty() ? "none" : out;
}

std::size_t stage_index(const model::Framework& f, const std::string& id) {
    for (std::size_t i = 0; i < f.stages.size(); ++i)
        if (f.stages[i].id == id) return i;
    return f.stages.size();
}

void school_rows(std::ostream& out, const model::Framework& f, std::vector<const model::SchoolPlan*> plans) {
    std::stable_sort(plans.begin(), plans.end(), [&](const auto* a, const auto* b) { return stage_index(f, a->stage_id) < stage_index(f, b->stage_id); });
    markdown_heading(out, "School", {"URN", "Phase", "Last inspection", "Outcome", "Current grade", "Cycle year", "Intervention", "Stage",
                                     "Activities", "Days", "Cost"});
    for (const model::SchoolPlan* p : plans)
        markdown_row(out, p->name, {p->urn, p->phase, p->last_inspection.empty() ? "never" : p->last_inspection, p->outcome,
                                    p->standing.grade ? std::string(model::words_of(*p->standing.grade)) + (p->standing.concerns ? " (Concerns)" : "") : "-",
                                    p->cycle_year && f.placement == model::PlacementRule::cycle ? std::to_string(*p->cycle_year) : "",
                                    p->standing.intervention ? "yes" : "no", p->stage_id + (p->placed_by == "LA category" ? " (LA)" : ""),
                                    activity_names(*p), days(p->days), pounds(p->cost)});
    out << "\n";
}

}  // namespace

std::string financial_year_basis(int y) {
    const std::string from = std::to_string(y), to = std::to_string(y + 1);
    return "Financial year " + model::academic_year_label(y) + " (1 April " + from + " to 31 March " + to + ") = " +
           std::to_string(model::kMonthsFromEarlierAcademicYear) + "/12 of academic year " + model::academic_year_label(y - 1) +
           " (April to August " + from + ") + " + std::to_string(model::kMonthsFromLaterAcademicYear) + "/12 of academic year " +
           model::academic_year_label(y) + " (September " + from + " to March " + to + ")";
}

std::string financial_year_working(const model::FinancialYearCost& c) {
    return "(" + std::to_string(model::kMonthsFromEarlierAcademicYear) + " × " + pounds(c.earlier) + " + " +
           std::to_string(model::kMonthsFromLaterAcademicYear) + " × " + pounds(c.later) + ") ÷ 12 = " + pounds(c.weighted) +
           " ÷ 12 = " + model::quotient_text(c.weighted, calc::Decimal(12)) + " → " + pounds(c.cost) +
           " (rounded half up to the penny, once)";
}

std::string earlier_year_note(const model::Costing& r) {
    if (r.earlier_placed) return "";
    const int y = r.years.front().academic_year;
    return "Academic year " + model::academic_year_label(y - 1) + " cannot be placed from this inspection file (a school was "
           "inspected after it, and the file keeps only each school's latest inspection): its five months are taken at " +
           model::academic_year_label(y) + "'s cost.";
}

void write_improvement_markdown(std::ostream& out, const model::Costing& r) {
    const model::Framework& f = r.framework;
    const model::ImprovementYear& y = r.years.front();
    std::size_t maintained = 0, academies = 0;
    for (const model::SchoolPlan& p : y.schools) (p.academy ? academies : maintained) += 1;
    out << "# What core school improvement costs: " << markdown_text(f.name) << ", " << model::academic_year_label(y.academic_year)
        << "\n\nFramework `" << f.id << "` (" << markdown_text(f.source) << "). Schools: the " << maintained << " maintained schools ("
        << phase_counts(y.schools, false) << ") of " << markdown_text(r.census_source)
        << ", placed from their latest Ofsted inspection (" << markdown_text(r.inspections_source) << ")";
    if (f.placement == model::PlacementRule::cycle)
        out << ": cycle year = the academic year − the academic year of the last inspection (graded or ungraded) + 1, capped at 5 "
               "(5 = due or overdue); academic years start on 1 September";
    out << ". Day rate " << pounds(f.day_rate) << ": " << markdown_text(f.day_rate_reason)
        << ". Each school's cost is its days × the day rate, rounded half up to the penny.\n\n";
    std::vector<std::string> missing;
    for (const model::SchoolPlan& p : y.schools)
        if (!p.in_inspection_file) missing.push_back(p.urn);
    if (!missing.empty()) {
        out << "**" << missing.size() << " of the census's schools are not in the inspection file** (URN";
        for (std::size_t i = 0; i < missing.size() && i < 10; ++i) out << (i ? ", " : " ") << missing[i];
        if (missing.size() > 10) out << " …";
        out << "). The file lists every state-funded school open on 31 August 2025, so these have probably closed or become "
               "academies (a new URN) since the census: they are placed as never inspected";
        const auto never = f.grade_map.find("never");
        if (f.placement == model::PlacementRule::grade && never != f.grade_map.end()) out << " (" << markdown_text(never->second) << ")";
        out << ". Check the census.\n\n";
    }

    out << "## By " << (f.placement == model::PlacementRule::cycle ? "cycle year" : "category") << "\n\n";
    markdown_heading(out, "Stage", {"Schools", "Activities (days × staff × a year)", "Days", "Cost"});
    std::map<std::string, std::tuple<int, calc::Decimal, calc::Decimal>> by_stage;
    for (const model::SchoolPlan& p : y.schools) {
        if (p.academy) continue;
        auto& [n, d, c] = by_stage[p.stage_id];
        ++n;
        d += p.days;
        c += p.cost;
    }
    for (const model::Stage& s : f.stages) {
        const auto it = by_stage.find(s.id);
        const std::string what = stage_activities(s.activities);
        if (it == by_stage.end()) {
            markdown_row(out, s.label, {"0", what, "0", "£0.00"});
            continue;
        }
        const auto& [n, d, c] = it->second;
        markdown_row(out, s.label, {std::to_string(n), what, days(d), pounds(c)});
    }
    markdown_row(out, "**All maintained schools**", {std::to_string(maintained), "", days(y.school_days), pounds(y.school_cost)});
    for (const model::Activity& a : f.fixed)
        markdown_row(out, "Fixed: " + a.name, {"", stage_activities({a}), days(a.days_a_year()), ""});
    markdown_row(out, "**Fixed work (not per school)**", {"", "", days(y.fixed_days), pounds(y.fixed_cost)});
    out << "\n";
    if (f.placement == model::PlacementRule::cycle) {
        if (!f.intervention.empty())
            out << "While a school requires additional intervention and support it also has: " << markdown_text(stage_activities(f.intervention)) << ".\n";
        if (!f.overdue.empty())
            out << "When its inspection is overdue (more than 5 academic years): " << markdown_text(stage_activities(f.overdue)) << ".\n";
        out << "\n";
    }

    out << "## Schools\n\n";
    std::vector<const model::SchoolPlan*> charged, priced_academies;
    for (const model::SchoolPlan& p : y.schools) (p.academy ? priced_academies : charged).push_back(&p);
    school_rows(out, f, charged);

    out << "## Requiring additional intervention and support\n\n";
    bool any = false;
    for (const model::SchoolPlan& p : y.schools)
        if (p.standing.intervention && !p.academy) {
            out << "- " << markdown_text(p.name) << " (" << p.urn << "): " << (p.standing.grade ? model::words_of(*p.standing.grade) : "no grade")
                << ", " << markdown_text(p.placed_by == "LA category" ? "the LA's category" : p.standing.grade_rule) << "; " << days(p.days)
                << " days, " << pounds(p.cost) << "\n";
            any = true;
        }
    if (!any)
        out << "- None: no school's current grade is below Good, no ungraded inspection suggests it, none is in a category of concern.\n";
    out << "\n";

    if (!priced_academies.empty()) {
        out << "## Academies (priced, not in the rate)\n\n" << academies << " academies (" << phase_counts(y.schools, true) << "): "
            << days(y.academy_days) << " days, " << pounds(y.academy_cost)
            << ". Academies are not charged the de-delegated rate; Havering's 2025-26 QA paper charges those that take part from "
               "April 2026.\n\n";
        school_rows(out, f, priced_academies);
    }

    out << "## What the rate would be\n\n";
    out << "The work above is for an academic year (1 September to 31 August); a rate is set for a financial year (1 April to "
           "31 March). "
        << financial_year_basis(r.fy_total.financial_year) << ":\n\n";
    out << "- All the work: " << financial_year_working(r.fy_total) << ".\n";
    out << "- The schools' visits and meetings alone: " << financial_year_working(r.fy_schools) << ".\n";
    if (const std::string note = earlier_year_note(r); !note.empty()) out << "- " << note << "\n";
    out << "\nCharged base: " << calc::format_count(calc::Decimal(r.pupils)) << " pupils" << (r.service ? " the schedule's service charges" : " in maintained mainstream schools") << " + 3 × "
        << calc::format_count(r.places) << " special-school places = " << calc::format_count(r.base) << ".\n\n";
    const calc::Decimal need = r.fy_total.cost;
    const std::string fy = model::academic_year_label(r.fy_total.financial_year);
    if (r.base.sign() > 0) {
        out << "- All the work, financial year " << fy << ": " << pounds(need) << " ÷ " << calc::format_count(r.base) << " → **"
            << pounds(r.rate_per_pupil_with_fixed) << " per pupil, " << pounds(r.rate_per_place_with_fixed)
            << " per place** (rounded up to the penny; a place at 3×).\n";
        out << "- The schools' visits and meetings alone: " << pounds(r.fy_schools.cost) << " ÷ " << calc::format_count(r.base) << " → "
            << pounds(r.rate_per_pupil) << " per pupil, " << pounds(r.rate_per_place) << " per place.\n";
    }
    if (r.service) {
        out << "- The schedule's *" << markdown_text(r.service->name) << "*";
        if (r.service->pupil_rate) out << " at " << calc::format_rate(*r.service->pupil_rate) << " per pupil";
        if (r.service->place_rate) out << " and " << calc::format_rate(*r.service->place_rate) << " per place";
        const calc::Decimal gap = r.service->raised - need;
        out << " raises " << pounds(r.service->raised) << "; the work costs " << pounds(need) << " in financial year " << fy << ": "
            << (gap.sign() >= 0 ? "a margin of " : "a gap of ") << pounds(gap.sign() >= 0 ? gap : -gap) << ".\n";
    } else {
        out << "- The schedule has no school-improvement service to compare with.\n";
    }
    out << "\n`dedeleg solve --framework " << f.id << "` gives the rate with its working.\n";
    out << "\n## The years ahead\n\n";
    markdown_heading(out, "Year", {"Schools' days", "Schools' cost", "Fixed cost", "Total"});
    for (const model::ImprovementYear& x : r.years)
        markdown_row(out, model::academic_year_label(x.academic_year),
                     {days(x.school_days), pounds(x.school_cost), pounds(x.fixed_cost), pounds(x.school_cost + x.fixed_cost)});
    if (f.placement == model::PlacementRule::cycle) {
        out << "\nEach year the cycle moves on; a school in year 5 is inspected that year and starts again (year 2 the next year). "
               "An inspection is assumed to leave the school's grade as it was, so a school leaves or enters intervention only "
               "through the LA's categories or --intervention-chance";
        if (r.intervention_chance.sign() > 0)
            out << " (here " << calc::format_count(r.intervention_chance * calc::Decimal(100))
                << "%: each newly inspected school adds that share of a year's intervention work, the expected cost)";
        out << ".\n\n";
    } else
        out << "\nEach school keeps its category (no inspection outcome is guessed).\n\n";
    if (!r.simulation.empty()) {
        out << "### Simulated: " << calc::format_count(calc::Decimal(r.scenarios)) << " scenarios, seed " << r.seed << "\n\n"
            << "Schools entering intervention each year are Poisson with mean " << calc::format_count(r.intervention_chance * calc::Decimal(100))
            << "% × the maintained schools inspected the year before (at most that many); each costs a year of intervention work, "
            << pounds(model::intervention_package_cost(f)) << ". Percentiles by nearest rank; the costs are exact.\n\n";
        std::vector<std::string> columns = {"Newly inspected", "Expected entries", "Entries P5–P95", "Total P5", "Total P50", "Total P95"};
        if (r.service) columns.push_back("Above " + whole_pounds(r.service->raised));
        markdown_heading(out, "Year", columns);
        for (std::size_t i = 0; i < r.simulation.size(); ++i) {
            const model::InterventionOutlook& o = r.simulation[i];
            std::vector<std::string> cells = {std::to_string(r.years[i].newly_inspected), calc::format_count(o.expected_entries),
                                              std::to_string(o.entries[0]) + "–" + std::to_string(o.entries[4]), pounds(o.total[0]),
                                              pounds(o.total[2]), pounds(o.total[4])};
            if (r.service) {
                char share[32];
                std::snprintf(share, sizeof share, "%.1f%%", 100.0 * static_cast<double>(o.scenarios_above) / static_cast<double>(r.scenarios));
                cells.push_back(share);
            }
            markdown_row(out, model::academic_year_label(o.academic_year), cells);
        }
        out << "\n";
    }

    out << "## Assumptions (ours, not the source's)\n\n";
    markdown_heading(out, "What", {"Value", "Why"});
    for (const model::Assumption& a : f.assumptions) markdown_row(out, a.what, {a.value, a.reason});
    out << "\n## Funded by the source, not costed here\n\n";
    if (f.not_costed.empty()) out << "The framework lists nothing.\n";
    else {
        markdown_heading(out, "Work", {"Where the source funds it", "Why it is not costed"});
        for (const model::NotCosted& n : f.not_costed) markdown_row(out, n.what, {n.source, n.reason});
    }
    out << "\nShipped frameworks: ";
    for (std::size_t i = 0; i < r.shipped_frameworks.size(); ++i) out << (i ? ", " : "") << "`" << r.shipped_frameworks[i] << "`";
    out << ".\n";
}

void write_improvement_csv(std::ostream& out, const model::Costing& r) {
    out << "URN,School,LastInspection,Outcome,CycleYear,Intervention,Category,Activities,Days,Cost\n";
    for (const model::SchoolPlan& p : r.years.front().schools)
        out << p.urn << ',' << csv_field(p.name) << ',' << p.last_inspection << ',' << csv_field(p.outcome) << ','
            << (p.cycle_year && r.framework.placement == model::PlacementRule::cycle ? std::to_string(*p.cycle_year) : "") << ','
            << (p.standing.intervention ? "yes" : "no") << ',' << csv_field(p.stage_id) << ',' << csv_field(activities_text(p)) << ','
            << calc::format_count(p.days) << ',' << calc::format_plain(p.cost, 2) << '\n';
}

void write_improvement_json(std::ostream& out, const model::Costing& r) {
    nlohmann::ordered_json j;
    const model::ImprovementYear& y = r.years.front();
    j["framework"] = r.framework.id;
    j["year"] = model::academic_year_label(y.academic_year);
    j["day_rate"] = r.framework.day_rate.to_string();
    j["day_rate_reason"] = r.framework.day_rate_reason;
    j["assumptions"] = nlohmann::json::array();
    for (const model::Assumption& a : r.framework.assumptions)
        j["assumptions"].push_back({{"what", a.what}, {"value", a.value}, {"reason", a.reason}});
    j["not_costed"] = nlohmann::json::array();
    for (const model::NotCosted& n : r.framework.not_costed)
        j["not_costed"].push_back({{"what", n.what}, {"source", n.source}, {"reason", n.reason}});
    j["schools"] = nlohmann::json::array();
    for (const model::SchoolPlan& p : y.schools)
        j["schools"].push_back({{"urn", p.urn}, {"school", p.name}, {"phase", p.phase}, {"academy", p.academy},
                                {"in_inspection_file", p.in_inspection_file}, {"stage", p.stage_id}, {"intervention", p.standing.intervention},
                                {"days", p.days.to_string()}, {"cost", p.cost.to_string()}});
    j["school_days"] = y.school_days.to_string();
    j["school_cost"] = y.school_cost.to_string();
    j["fixed_cost"] = y.fixed_cost.to_string();
    j["financial_year"] = {{"year", model::academic_year_label(r.fy_total.financial_year)},
                           {"basis", financial_year_basis(r.fy_total.financial_year)},
                           {"earlier_academic_year_placed", r.earlier_placed},
                           {"school_cost", r.fy_schools.cost.to_string()},
                           {"total_cost", r.fy_total.cost.to_string()},
                           {"working", financial_year_working(r.fy_total)}};
    j["base"] = r.base.to_string();
    j["rate_per_pupil"] = r.rate_per_pupil.to_string();
    j["rate_per_place"] = r.rate_per_place.to_string();
    j["rate_per_pupil_with_fixed"] = r.rate_per_pupil_with_fixed.to_string();
    j["rate_per_place_with_fixed"] = r.rate_per_place_with_fixed.to_string();
    if (r.service) j["schedule_raises"] = r.service->raised.to_string();
    if (!r.simulation.empty()) {
        j["simulation"] = {{"scenarios", r.scenarios}, {"seed", r.seed}, {"intervention_chance", r.intervention_chance.to_string()},
                           {"years", nlohmann::json::array()}};
        for (const model::InterventionOutlook& o : r.simulation) {
            nlohmann::ordered_json row = {{"year", model::academic_year_label(o.academic_year)},
                                          {"expected_entries", o.expected_entries.to_string()}};
            for (std::size_t i = 0; i < 5; ++i)
                row["total_p" + std::to_string(static_cast<int>(model::kPercentiles[i]))] = o.total[i].to_string();
            if (r.service) row["scenarios_above_raised"] = o.scenarios_above;
            j["simulation"]["years"].push_back(row);
        }
    }
    j["years"] = nlohmann::json::array();
    for (const model::ImprovementYear& x : r.years)
        j["years"].push_back({{"year", model::academic_year_label(x.academic_year)}, {"school_days", x.school_days.to_string()},
                              {"school_cost", x.school_cost.to_string()}, {"fixed_cost", x.fixed_cost.to_string()},
                              {"newly_inspected", x.newly_inspected}});
    out << j.dump(2) << '\n';
}

void write_improvement_svg(std::ostream& out, const model::Costing& r) {
    // Display only: heights from whole pounds as doubles; every figure written is exact.
    auto value = [](const calc::Decimal& d) { return std::stod(d.round(0, calc::RoundingMode::half_up).to_string()); };
    const double width = 760, height = 366, left = 96, right = 24, bottom = 330, top = 84;
    double most = 1;
    for (const model::ImprovementYear& y : r.years) most = std::max(most, value(y.school_cost + y.fixed_cost));
    for (const model::InterventionOutlook& o : r.simulation) most = std::max(most, value(o.total[4]));
    if (r.service) most = std::max(most, value(r.service->raised));
    // Gridlines every 1, 2 or 5 × 10^k pounds, about five of them.
    double step = std::pow(10.0, std::floor(std::log10(most / 5)));
    for (double k : {1.0, 2.0, 5.0, 10.0})
        if (most / (step * k) <= 6) {
            step *= k;
            break;
        }
    const double ceiling = std::ceil(most / step) * step;
    auto y_of = [&](double pounds) { return bottom - (bottom - top) * pounds / ceiling; };
    const double slot = (width - left - right) / static_cast<double>(r.years.size());
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
        << "\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        << "<text x=\"" << left << "\" y=\"24\" font-size=\"15\">" << xml(r.framework.name) << ": cost a year at "
        << xml(pounds(r.framework.day_rate)) << " a day</text>\n<text x=\"" << left
        << "\" y=\"42\" fill=\"#444\">dark: the maintained schools' visits and meetings; white: the LA's fixed work";
    if (!r.simulation.empty()) out << "; whiskers: simulated P5-P95";
    out << "</text>\n";
    if (r.service)
        out << "<text x=\"" << left << "\" y=\"58\" fill=\"#444\">dashed: what the schedule's " << xml(r.service->name) << " raises, "
            << xml(whole_pounds(r.service->raised)) << "</text>\n";
    for (double g = 0; g <= ceiling + step / 2; g += step) {
        char label[32];
        std::snprintf(label, sizeof label, "£%.0fk", g / 1000);
        if (step < 1000 || g == 0) std::snprintf(label, sizeof label, "£%.0f", g);
        out << "<line x1=\"" << left << "\" y1=\"" << y_of(g) << "\" x2=\"" << width - right << "\" y2=\"" << y_of(g)
            << "\" stroke=\"#ccc\"/>\n<text x=\"" << left - 6 << "\" y=\"" << y_of(g) + 4 << "\" text-anchor=\"end\">" << label << "</text>\n";
    }
    for (std::size_t i = 0; i < r.years.size(); ++i) {
        const model::ImprovementYear& y = r.years[i];
        const double s = value(y.school_cost), f = value(y.fixed_cost);
        const double x = left + slot * static_cast<double>(i) + slot * 0.2, w = slot * 0.6;
        out << "<rect x=\"" << x << "\" y=\"" << y_of(s) << "\" width=\"" << w << "\" height=\"" << bottom - y_of(s) << "\" fill=\"#333\"/>\n"
            << "<rect x=\"" << x << "\" y=\"" << y_of(s + f) << "\" width=\"" << w << "\" height=\"" << y_of(s) - y_of(s + f)
            << "\" fill=\"white\" stroke=\"black\"/>\n"
            << "<text x=\"" << x + w / 2 << "\" y=\"" << bottom + 18 << "\" text-anchor=\"middle\">"
            << model::academic_year_label(y.academic_year) << "</text>\n";
        double label_y = y_of(s + f) - 5;
        if (i < r.simulation.size() && r.simulation[i].total[4] != r.simulation[i].total[0]) {
            const double lo = y_of(value(r.simulation[i].total[0])), hi = y_of(value(r.simulation[i].total[4])), mid = x + w / 2;
            // White under black, so the whisker reads on the dark bar and on white.
            for (const char* pen : {"stroke=\"white\" stroke-width=\"4\"", "stroke=\"black\" stroke-width=\"1.5\""})
                out << "<path d=\"M" << mid << ' ' << lo << " V" << hi << " M" << mid - 8 << ' ' << hi << " H" << mid + 8 << " M" << mid - 8
                    << ' ' << lo << " H" << mid + 8 << "\" fill=\"none\" " << pen << "/>\n";
            label_y = std::min(label_y, hi - 5);
        }
        out << "<text x=\"" << x + w / 2 << "\" y=\"" << label_y << "\" text-anchor=\"middle\">" << xml(whole_pounds(y.school_cost + y.fixed_cost))
            << "</text>\n";
    }
    if (r.service)
        out << "<line x1=\"" << left << "\" y1=\"" << y_of(value(r.service->raised)) << "\" x2=\"" << width - right << "\" y2=\""
            << y_of(value(r.service->raised)) << "\" stroke=\"black\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n";
    out << "<line x1=\"" << left << "\" y1=\"" << bottom << "\" x2=\"" << width - right << "\" y2=\"" << bottom << "\" stroke=\"black\"/>\n</svg>\n";
}

}  // namespace report
