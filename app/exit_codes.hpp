#pragma once
// One mapping from what went wrong to what a front end prints and returns,
// shared by `dedeleg` and `dedeleg-gui`.

#include <functional>
#include <ostream>
#include <string_view>

namespace app {

/// Exit codes: 0 ok; 1 usage (the front end's option parser); 2 invalid input
/// or an output that cannot be written (each problem printed, located);
/// 70 an internal error, i.e. a bug in dedeleg, reported as such (EX_SOFTWARE).
enum ExitCode : int { ok = 0, usage = 1, invalid_input = 2, internal_error = 70 };

/// Runs `body` and maps its exceptions: calc::InputError prints every
/// diagnostic (exit 2); calc::DecimalOverflow (a figure too large) and
/// filesystem errors print one line (exit 2); anything else is a bug: it is
/// printed as "internal error" with a request to report it (exit 70).
/// Usage errors are the front end's to catch inside `body`.
int run_mapping_errors(std::string_view program, const std::function<int()>& body, std::ostream& err);

}  // namespace app
