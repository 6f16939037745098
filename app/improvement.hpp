#pragma once
// What core school improvement costs (dedeleg improvement, the GUI's
// Improvement tab): a framework, the schools of the census placed in it from
// their latest Ofsted inspection (or the LA's own categories), their days and
// cost, and the rate per pupil (and per special-school place, at 3×) that
// would fund the work, beside what the schedule's school-improvement service raises.

#include "calc/schedule.hpp"
#include "calc/school.hpp"
#include "model/improvement.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace app {

struct ImprovementSpec {
    std::string framework = "havering-2025";  ///< a shipped framework's id, or a file
    std::string inspections;                  ///< empty: the shipped Havering extract
    std::string categories;                   ///< the LA's own categories (URN,Category[,Intervention]); wins
    std::string year = "2025-26";             ///< the academic year to place schools in
    std::string day_rate;                     ///< empty: the framework's
    std::string rates;                        ///< the schedule (empty: Havering 2025-26)
    std::string census;                       ///< empty: the shipped Havering sample
    std::string service = "school-improvement";  ///< the schedule's service that funds the work
    int years = 5;                            ///< years to project
    std::string intervention_chance;          ///< e.g. "10%": chance an inspection brings intervention (default 0)
    bool academies = false;                   ///< price academies too (Havering will charge them from April 2026)
    bool simulate = false;                    ///< simulate intervention-chance with the claims machinery's sampler
    int scenarios = 10000;
    std::uint64_t seed = 1;
};

using ImprovementReport = model::Costing;

/// The ids of the shipped frameworks.
std::vector<std::string> shipped_frameworks();

/// Loads the framework (a shipped id or a file).
model::Framework load_framework(const std::string& id_or_file);

/// Throws calc::InputError for any bad input (exit 2).
ImprovementReport run_improvement(const ImprovementSpec& spec);

/// The same with inputs already loaded (the GUI: the loaded census and schedule, a live day rate).
ImprovementReport price_improvement(const model::Framework& framework, const calc::Census& census,
                                    const calc::Schedule& schedule,
                                    const std::map<std::string, model::InspectionRecord>& inspections,
                                    const std::map<std::string, model::LaCategory>& categories, int academic_year,
                                    int years, const calc::Decimal& intervention_chance, bool academies,
                                    const std::string& service_id);

/// Throws calc::InputError (source:line) when a census school's latest inspection
/// falls after `academic_year`: the file holds only the latest inspection, so
/// the school's place in an earlier year is unknowable (never guessed).
void check_year_not_before_inspections(const calc::Census& census,
                                       const std::map<std::string, model::InspectionRecord>& inspections, int academic_year,
                                       const std::string& source);

/// The shipped Havering inspections (as at 31 August 2025).
std::map<std::string, model::InspectionRecord> shipped_inspections();

}  // namespace app
