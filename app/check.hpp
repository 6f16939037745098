#pragma once
// The published-paper check: every figure a figures file lists, computed with
// the engine from the inputs it names and compared at the precision printed;
// the services charged but not named in the introduction; services charged
// on different pupils because of exemptions the paper does not state.

#include "rates/published_loader.hpp"
#include "report/check_report.hpp"

#include <string>

namespace app {

/// Checks the figures file at `path` (rates/published_loader.hpp). Throws
/// calc::InputError (file:line: key: what) for a figures file or input that
/// cannot be used: an unknown service, option, year, phase or factor, a figure
/// that needs last year's schedule or a ledger the file does not name.
report::CheckReport check_published(const std::string& path);

/// The same for figures already loaded.
report::CheckReport check_published(const rates::PublishedPaper& paper);

}  // namespace app
