#pragma once
// How the paper, the workbook and the statements word a service's options:
// an option is "proposed" only when the schedule says the LA proposes it;
// otherwise the Forum chooses, and the words say which option a total includes.

#include "calc/schedule.hpp"
#include "calc/tables.hpp"

#include <cstddef>
#include <string>

namespace report {

/// A short tag beside an option: "proposed" (the schedule's `proposed`),
/// "in the totals" (several options, none proposed, this one selected), or "".
std::string option_tag(const calc::Service& service, std::size_t option);

/// A sentence on the choice between several options ("" for one option):
/// which the LA proposes, or that the Forum chooses and which one the totals
/// and statements include.
std::string choice_sentence(const calc::Service& service);

/// "Trade union facility time: Price unchanged": the option a total includes.
std::string option_in_total(const calc::Service& service, std::size_t option);

/// "Trade union facility time: Price unchanged; ...": the selected option of
/// every service with several, as a total or statement includes them ("" if none).
std::string options_included(const calc::Schedule& schedule);

}  // namespace report
