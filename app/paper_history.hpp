#pragma once
// The paper's history file: which one (--history, or Havering's with the
// shipped inputs), and its checks against the schedules it sits beside.

#include "app/inputs.hpp"
#include "rates/history.hpp"
#include "rates/paper_template.hpp"

#include <string>

namespace app {

inline constexpr const char* kHaveringHistory = "rates/havering/history.toml";

/// The history file `file`, or with no file and the shipped inputs Havering's,
/// else none (empty). Throws calc::InputError (file:line) for a problem in it
/// or a disagreement with the schedules: another authority's, a service
/// neither schedule has, a year whose rates a schedule gives, a decision that
/// contradicts last year's schedule.
rates::History load_paper_history(const std::string& file, bool shipped_inputs, const Inputs& in);

/// Each appendix's service must be one of this year's schedule (file:line).
void check_appendices(const rates::PaperTemplate& words, const calc::Schedule& schedule);

}  // namespace app
