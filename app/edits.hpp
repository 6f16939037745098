#pragma once
// Edits written as text, as a front end receives them: "service.FACTOR=rate"
// (a rate) and "service=option" (an alternative; see apply_choices).

#include "app/scenario.hpp"

#include <string>

namespace app {

/// Applies "service.FACTOR=rate" to the scenario's proposal. Throws
/// calc::InputError (file "--edit") naming what is wrong: the form, an unknown
/// service or factor, a factor the service does not charge, a rate that is
/// negative, has more than 4 places or is not a number.
void apply_rate_edit(Scenario& scenario, const std::string& edit);

}  // namespace app
