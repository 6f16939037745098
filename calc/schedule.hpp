#pragma once
// A rate schedule as the engine sees it: plain data, filled by rates/.

#include "calc/factor.hpp"
#include "calc/money.hpp"
#include "calc/rounding.hpp"
#include "calc/school.hpp"

#include <string>
#include <utility>
#include <vector>

namespace calc {

/// De-delegated services are taken from maintained mainstream schools only;
/// education functions also from maintained special schools (per place).
enum class ServiceKind { de_delegated, education_function };

std::string_view name_of(ServiceKind k);  ///< "de-delegated", "education-function"
std::optional<ServiceKind> service_kind_from_name(std::string_view name);

/// One set of rates for a service. A service has one or more; the Forum votes
/// between them (e.g. trade union time unchanged at £2.80, or +5.5% at £2.96).
struct RateOption {
    std::string id;
    std::string label;                           ///< as the paper words it
    std::vector<std::pair<Factor, Rate>> rates;  ///< in the schedule's order
    long long present_to = 1;                    ///< totals shown to the nearest £1, £100, £1,000...
    std::string derivation;                      ///< how the rate was set, in words

    const Rate* rate_for(Factor f) const;
};

struct Service {
    std::string id;  ///< short, stable: "maternity"
    std::string name;
    ServiceKind kind = ServiceKind::de_delegated;
    std::vector<Phase> phases;  ///< phases whose Forum members agreed to it
    std::vector<RateOption> options;
    std::size_t selected = 0;  ///< index into options: what `calc` charges

    const RateOption& selected_option() const { return options.at(selected); }
    bool covers(Phase p) const;
};

/// A year's de-delegation schedule for one authority. `rounding` is applied
/// once per school per service, to the penny.
struct Schedule {
    std::string authority;
    std::string year;
    std::string census_label;  ///< which census the paper's figures use
    RoundingMode rounding = RoundingMode::half_up;
    std::vector<Service> services;

    const Service* find(std::string_view id) const;
};

}  // namespace calc
