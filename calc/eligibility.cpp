#include "calc/eligibility.hpp"

#include <algorithm>

namespace calc {

bool is_charged(const School& school, const Service& service) {
    if (school.governance == Governance::academy) return false;
    if (!service.covers(school.phase)) return false;
    if (std::find(school.exempt.begin(), school.exempt.end(), service.id) != school.exempt.end()) return false;
    if (is_mainstream(school.phase)) return true;
    return school.phase == Phase::special && service.kind == ServiceKind::education_function;
}

bool factor_applies(Phase phase, Factor factor) {
    switch (row_of(factor).charged_to) {
        case ChargedTo::every: return true;
        case ChargedTo::special: return phase == Phase::special;
        case ChargedTo::mainstream: return phase != Phase::special;
    }
    return false;
}

bool factor_applies(const School& school, Factor factor) { return factor_applies(school.phase, factor); }

}  // namespace calc
