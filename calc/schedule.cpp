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

const PhaseRates* RateOption::phase_rates_for(Phase phase) const {
    for (const PhaseRates& p : phase_rates)
        if (p.phase == phase) return &p;
    return nullptr;
}

const Rate* RateOption::rate_for(Factor f, Phase phase) const {
    if (const PhaseRates* own = phase_rates_for(phase))
        for (const auto& [factor, rate] : own->rates)
            if (factor == f) return &rate;
    return rate_for(f);
}

std::vector<std::pair<Factor, Rate>> RateOption::rates_for(Phase phase) const {
    const PhaseRates* own = phase_rates_for(phase);
    if (!own) return rates;
    std::vector<std::pair<Factor, Rate>> out;
    out.reserve(rates.size() + own->rates.size());
    for (const auto& [factor, rate] : rates) out.push_back({factor, *rate_for(factor, phase)});
    for (const auto& [factor, rate] : own->rates)
        if (!rate_for(factor)) out.push_back({factor, rate});
    return out;
}

bool Service::covers(Phase p) const { return std::find(phases.begin(), phases.end(), p) != phases.end(); }

const Service* Schedule::find(std::string_view id) const {
    for (const Service& s : services)
        if (s.id == id) return &s;
    return nullptr;
}

}  // namespace calc
