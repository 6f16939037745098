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



}  // namespace calc
