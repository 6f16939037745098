#pragma once
// Who is charged for what: the rules of section 1 of the consultation.

#include "calc/schedule.hpp"
#include "calc/school.hpp"

namespace calc {

/// True when `service` is taken from `school`: never from academies or from
/// schools whose census row exempts them; de-delegated services from
/// maintained mainstream schools of the agreed phases; education functions
/// also from maintained special schools when "special" is agreed.
bool is_charged(const School& school, const Service& service);

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

}  // namespace calc
