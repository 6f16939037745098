#include "calc/schedule.hpp"

#include <algorithm>

namespace calc {

std::string_view name_of(ServiceKind k) {
    return k == ServiceKind::de_delegated ? "de-delegated" : "education-function";
}

std::optional<ServiceKind> service_kind_from_name(std::string_view name) {
    if (name == "de-delegated") return ServiceKind::de_delegated;
    if (name == "education-function") return ServiceKind::education_function;
    return std::nullopt;
}

const Rate* RateOption::rate_for(Factor f) const {
    for (const auto& [factor, rate] : rates)
        if (factor == f) return &rate;
    return nullptr;
}

bool Service::covers(Phase p) const { return std::find(phases.begin(), phases.end(), p) != phases.end(); }

const Service* Schedule::find(std::string_view id) const {
    for (const Service& s : services)
        if (s.id == id) return &s;
    return nullptr;
}

}  // namespace calc
