#pragma once
// The inputs every use case starts from (census, proposal, previous year's
// schedule, chosen options), loaded from files or the embedded Havering default.
// Front ends fill an InputSpec from their own options.

#include "calc/schedule.hpp"
#include "calc/school.hpp"

#include <optional>
#include <string>
#include <vector>

namespace app {

struct InputSpec {
    std::string rates;                 ///< empty: the embedded 2025-26 schedule
    std::string census;                ///< empty: the embedded sample census
    std::string previous;              ///< empty: 2024-25 when rates is the default, else none
    std::vector<std::string> choices;  ///< "service=option"
    bool wants_previous = false;       ///< load last year's schedule (only tables and the paper show it)
};

struct Inputs {
    calc::Census census;
    calc::Schedule schedule;
    std::optional<calc::Schedule> previous;
};

/// Loads everything named in `opts`; throws calc::InputError with every problem.
Inputs load_inputs(const InputSpec& spec);

calc::Schedule load_rates(const std::string& path_or_empty, std::string_view embedded_default);
calc::Census load_census(const std::string& path_or_empty);

/// Applies "service=option" choices; throws calc::InputError for unknown names.
void apply_choices(calc::Schedule& schedule, const std::vector<std::string>& choices);

/// Refuses `option` left to its shipped Havering default while `other` names a
/// file (calc::InputError, "--census: not given, but --rates is ..."): the
/// default would mix Havering's schools or rates into another LA's figures.
void refuse_default_beside(std::string_view option, const std::string& value, std::string_view other,
                           const std::string& other_value);

/// Throws calc::InputError with every problem census::check_census() finds
/// against `schedule` and, where the run shows one, last year's or a baseline
/// schedule `other` (an exemption may name a service of either; each must find
/// every count it charges).
void check_census_against(const calc::Census& census, const calc::Schedule& schedule,
                          const calc::Schedule* other = nullptr);

}  // namespace app
