#pragma once
// Who is charged for what: the rules of section 1 of the consultation.

#include "calc/schedule.hpp"
#include "calc/school.hpp"

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace calc {

/// True when `service` is taken from `school`: never from academies or from
/// schools whose census row exempts them; de-delegated services from
/// maintained mainstream schools of the agreed phases; education functions
/// also from maintained special schools when "special" is agreed.
bool is_charged(const School& school, const Service& service);

/// Per phase: whether `service` is taken from a maintained school of that
/// phase that is not exempt (the phase half of is_charged, worked out once
/// per service for a census's worth of schools).
using PhasesCharged = std::array<bool, kPhaseCount>;
PhasesCharged phases_charged(const Service& service);
/// is_charged() with the phase half already worked out.
inline bool is_charged(const School& school, const Service& service, const PhasesCharged& phases) {
    if (school.governance == Governance::academy || !phases[index_of(school.phase)]) return false;
    for (const std::string& id : school.exempt)
        if (id == service.id) return false;
    return true;
}


/// Special schools are charged per place only; mainstream schools on every
/// factor but PLACE. LUMP applies to every charged school.
/// The same for any school of `phase` (the factor table's charged_to).
inline bool factor_applies(Phase phase, Factor factor) {
    switch (row_of(factor).charged_to) {
        case ChargedTo::every: return true;
        case ChargedTo::special: return phase == Phase::special;
        case ChargedTo::mainstream: return phase != Phase::special;
    }
    return false;
}
inline bool factor_applies(const School& school, Factor factor) { return factor_applies(school.phase, factor); }

/// True when a charge at `rates` (a phase's) would need a count the school's
/// census row left without one (the cheap test before missing_factors()).
inline bool lacks_a_count(const School& school, const std::vector<std::pair<Factor, Rate>>& rates) {
    for (const auto& entry : rates)
        if (!has_count(school, entry.first) && factor_applies(school, entry.first)) return true;
    return false;
}

}  // namespace calc
