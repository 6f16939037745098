#include "calc/eligibility.hpp"

#include <algorithm>

namespace calc {

namespace {
// The one rule for phases: the agreed phases; mainstream ones for every
// service, special schools for education functions only.
bool charges_phase(const Service& service, Phase phase) {
    if (!service.covers(phase)) return false;
    if (is_mainstream(phase)) return true;
    return phase == Phase::special && service.kind == ServiceKind::education_function;
}
}  // namespace

PhasesCharged phases_charged(const Service& service) {
    PhasesCharged phases{};
    for (std::size_t p = 0; p < kPhaseCount; ++p) phases[p] = charges_phase(service, static_cast<Phase>(p));
    return phases;
}

bool is_charged(const School& school, const Service& service) {
    if (school.governance == Governance::academy || !charges_phase(service, school.phase)) return false;
    return !school.exempt.contains(service.id);
}



}  // namespace calc
