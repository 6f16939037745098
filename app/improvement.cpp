#include "app/improvement.hpp"

#include "app/embedded.hpp"
#include "app/inputs.hpp"
#include "calc/deduction.hpp"
#include "calc/diagnostic.hpp"
#include "calc/number_text.hpp"
#include "census/inspections_loader.hpp"
#include "model/rate_rules.hpp"
#include "rates/framework_loader.hpp"

#include <algorithm>

namespace app {

namespace {

constexpr std::string_view kFrameworkDir = "rates/frameworks/";
constexpr std::string_view kShippedInspections = "data/ofsted/havering-311-ofsted.csv";

[[noreturn]] void bad(const std::string& option, const std::string& message) { throw calc::InputError({{option, 0, "", message}}); }

calc::Decimal parse_amount(const std::string& option, const std::string& text, bool percent) {
    try {
        const calc::NumberText n = calc::parse_number(text);
        if (n.percent == percent && n.value.sign() >= 0) return n.value;
    } catch (const calc::InvalidNumber&) {
    }
    bad(option, percent ? "write a percentage such as 10%, not \"" + text + "\"" : "write an amount such as £550, not \"" + text + "\"");
}

}  // namespace

void check_year_not_before_inspections(const calc::Census& census,
                                       const std::map<std::string, model::InspectionRecord>& inspections, int academic_year,
                                       const std::string& source) {
    std::vector<calc::Diagnostic> problems;
    std::size_t later = 0;
    for (const calc::School& s : census.schools) {
        const auto it = inspections.find(s.urn);
        if (it == inspections.end() || !it->second.last_inspection) continue;
        const model::InspectionRecord& r = it->second;
        if (model::academic_year_of(*r.last_inspection) <= academic_year) continue;
        if (++later <= 5)
            problems.push_back({source, r.line, "last_inspection_date",
                                "URN " + r.urn + " was last inspected in " +
                                    model::academic_year_label(model::academic_year_of(*r.last_inspection)) + ", after --year " +
                                    model::academic_year_label(academic_year) +
                                    "; the file holds only each school's latest inspection, so an earlier year cannot be placed"});
    }
    if (later > 5)
        problems.push_back({source, 0, "", "and " + std::to_string(later - 5) + " more schools inspected after " +
                                               model::academic_year_label(academic_year)});
    if (!problems.empty()) throw calc::InputError(std::move(problems));
}

std::vector<std::string> shipped_frameworks() {
    std::vector<std::string> ids;
    for (const EmbeddedFile& f : embedded_files())
        if (f.name.substr(0, kFrameworkDir.size()) == kFrameworkDir) {
            std::string id(f.name.substr(kFrameworkDir.size()));
            ids.push_back(id.substr(0, id.size() - 5));
        }
    return ids;
}

model::Framework load_framework(const std::string& id_or_file) {
    for (const std::string& id : shipped_frameworks())
        if (id == id_or_file) {
            const std::string name = std::string(kFrameworkDir) + id + ".toml";
            return rates::load_framework(embedded_text(name), "embedded:" + name);
        }
    if (id_or_file.find('/') == std::string::npos && id_or_file.find(".toml") == std::string::npos) {
        std::string known;
        for (const std::string& id : shipped_frameworks()) known += (known.empty() ? "" : ", ") + id;
        bad("--framework", "no shipped framework \"" + id_or_file + "\" (shipped: " + known + "); or give a file");
    }
    return rates::load_framework_file(id_or_file);
}

std::map<std::string, model::InspectionRecord> shipped_inspections() {
    return census::load_inspections(embedded_text(kShippedInspections), "embedded:" + std::string(kShippedInspections));
}

ImprovementReport price_improvement(const model::Framework& framework, const calc::Census& census, const calc::Schedule& schedule,
                                    const std::map<std::string, model::InspectionRecord>& inspections,
                                    const std::map<std::string, model::LaCategory>& categories, int academic_year,
                                    int years, const calc::Decimal& intervention_chance, bool academies,
                                    const std::string& service_id) {
    ImprovementReport r;
    r.framework = framework;
    r.intervention_chance = intervention_chance;
    r.census_source = census.source;
    r.shipped_frameworks = shipped_frameworks();
    std::vector<model::SchoolRef> schools;
    r.places = calc::Decimal(0);
    std::vector<calc::Diagnostic> no_places;  // a priced special school's places are part of the base
    for (const calc::School& s : census.schools) {
        const bool maintained = s.governance == calc::Governance::maintained;
        if (!maintained && !academies) continue;
        schools.push_back({s.urn, s.name, std::string(calc::label_of(s.phase)), !maintained});
        if (!maintained) continue;
        if (calc::is_mainstream(s.phase)) r.pupils += s.nor;
        else if (s.phase == calc::Phase::special) {
            if (!calc::has_count(s, calc::Factor::PLACE))
                no_places.push_back({census.source, s.source_line, "Places",
                                     std::string(calc::words_for(s.no_count[calc::index_of(calc::Factor::PLACE)])) +
                                         ", but this maintained special school is priced in the framework and the rate "
                                         "is spread over pupils and 3 × places; give its places"});
            r.places += s.places();
        }
    }
    bool base_from_schedule = false;
    for (const calc::Service& s : schedule.services) base_from_schedule = base_from_schedule || s.id == service_id;
    if (!base_from_schedule && !no_places.empty()) throw calc::InputError(std::move(no_places));
    r.years = model::project_years(framework, schools, inspections, categories, academic_year, years, intervention_chance);
    // The base the schedule's service charges (its phases, its exemptions), when it has one.
    for (std::size_t i = 0; i < schedule.services.size(); ++i)
        if (schedule.services[i].id == service_id) {
            r.pupils = 0;
            r.places = calc::Decimal(0);
            for (const calc::SchoolCharge& c : calc::calculate_service(census, schedule, i, schedule.services[i].selected).charges) {
                const calc::School& s = census.schools[c.school];
                if (s.phase == calc::Phase::special) r.places += s.places();
                else r.pupils += s.nor;
            }
        }
    r.base = calc::Decimal(r.pupils) + r.places * calc::Decimal(3);
    // The rate is for the financial year sharing the academic year's label: April-August of the year
    // before (placed from the same inspections when none is later) and September-March of this one.
    const model::ImprovementYear& y = r.years.front();
    for (const model::SchoolRef& s : schools) {
        if (s.academy) continue;  // not in the rate
        const auto it = inspections.find(s.urn);
        if (it != inspections.end() && it->second.last_inspection &&
            model::academic_year_of(*it->second.last_inspection) >= academic_year)
            r.earlier_placed = false;
    }
    if (r.earlier_placed) r.earlier_year = model::plan_year(framework, schools, inspections, categories, academic_year - 1);
    const model::ImprovementYear& earlier = r.earlier_placed ? *r.earlier_year : y;
    r.fy_schools = model::financial_year_cost(academic_year, earlier.school_cost, y.school_cost);
    r.fy_total = model::financial_year_cost(academic_year, earlier.school_cost + earlier.fixed_cost, y.school_cost + y.fixed_cost);
    if (r.base.sign() > 0) {
        r.rate_per_pupil = model::rate_for_target(r.fy_schools.cost, r.base, calc::RoundingMode::up);
        r.rate_per_place = r.rate_per_pupil * calc::Decimal(3);
        r.rate_per_pupil_with_fixed = model::rate_for_target(r.fy_total.cost, r.base, calc::RoundingMode::up);
        r.rate_per_place_with_fixed = r.rate_per_pupil_with_fixed * calc::Decimal(3);
    }
    for (std::size_t i = 0; i < schedule.services.size(); ++i) {
        const calc::Service& s = schedule.services[i];
        if (s.id != service_id) continue;
        model::ServiceRaise raise;
        raise.name = s.name;
        if (const calc::Rate* p = s.selected_option().rate_for(calc::Factor::AWPU)) raise.pupil_rate = p->value;
        if (const calc::Rate* p = s.selected_option().rate_for(calc::Factor::PLACE)) raise.place_rate = p->value;
        raise.raised = calc::calculate_service(census, schedule, i, s.selected).sum_of_rounded.value;
        r.service = raise;
    }
    return r;
}

ImprovementReport run_improvement(const ImprovementSpec& spec) {
    model::Framework framework = load_framework(spec.framework);
    if (!spec.day_rate.empty()) {
        framework.day_rate = parse_amount("--day-rate", spec.day_rate, false);
        if (!model::valid_day_rate(framework.day_rate)) bad("--day-rate", "a day rate is pounds and pence above £0 and at most £100,000");
        framework.day_rate_reason = "Given on the command line (--day-rate)";
    }
    const auto year = model::academic_year_from_label(spec.year);
    if (!year) bad("--year", "write an academic year such as 2025-26, not \"" + spec.year + "\"");
    if (spec.years < 1 || spec.years > 20) bad("--years", "between 1 and 20 years");
    const calc::Decimal chance =
        spec.intervention_chance.empty() ? calc::Decimal(0) : parse_amount("--intervention-chance", spec.intervention_chance, true);
    if (chance > calc::Decimal(1)) bad("--intervention-chance", "at most 100%");
    if (chance.sign() > 0 && framework.placement != model::PlacementRule::cycle)
        bad("--intervention-chance", framework.id + " places schools by grade and keeps each school's category; the chance "
                                     "applies to cycle frameworks (e.g. havering-2025), whose schools are inspected in year 5");
    if (spec.simulate && chance.sign() <= 0) bad("--simulate", "needs --intervention-chance, e.g. 10%");
    if (spec.scenarios < 1 || spec.scenarios > 1000000) bad("--scenarios", "between 1 and 1,000,000");
    const calc::Census census = load_census(spec.census);
    const calc::Schedule schedule = load_rates(spec.rates, kDefaultRates);
    refuse_default_beside("--census", spec.census, "--rates", spec.rates);
    check_census_against(census, schedule);  // the census contract every command keeps
    const auto inspections = spec.inspections.empty() ? shipped_inspections() : census::load_inspections_file(spec.inspections);
    std::vector<std::string> stage_ids;
    for (const model::Stage& s : framework.stages) stage_ids.push_back(s.id);
    const auto categories = spec.categories.empty() ? std::map<std::string, model::LaCategory>{}
                                                    : census::load_la_categories_file(spec.categories, stage_ids);
    if (!categories.empty()) {
        std::vector<calc::Diagnostic> problems;
        for (const auto& [urn, cat] : categories) {
            const auto it = std::find_if(census.schools.begin(), census.schools.end(), [&](const calc::School& s) { return s.urn == urn; });
            if (it == census.schools.end())
                problems.push_back({spec.categories, cat.line, "URN", "URN " + urn + " is not a school of the census (" + census.source + ")"});
            else if (it->governance == calc::Governance::academy && !spec.academies)
                problems.push_back({spec.categories, cat.line, "URN", "URN " + urn + " is an academy; add --academies to price academies"});
        }
        if (!problems.empty()) throw calc::InputError(std::move(problems));
    }
    check_year_not_before_inspections(census, inspections, *year,
                                      spec.inspections.empty() ? "embedded:" + std::string(kShippedInspections) : spec.inspections);
    ImprovementReport r = price_improvement(framework, census, schedule, inspections, categories, *year, spec.years, chance,
                                            spec.academies, spec.service);
    r.inspections_source = spec.inspections.empty() ? "embedded:" + std::string(kShippedInspections) : spec.inspections;
    if (spec.simulate) {
        const ImprovementReport base = price_improvement(framework, census, schedule, inspections, categories, *year, spec.years,
                                                         calc::Decimal(0), spec.academies, spec.service);
        r.simulation = model::simulate_interventions(framework, base.years, chance,
                                                     r.service ? std::optional<calc::Decimal>(r.service->raised) : std::nullopt,
                                                     spec.scenarios, spec.seed);
        r.scenarios = spec.scenarios;
        r.seed = spec.seed;
    }
    return r;
}

}  // namespace app
