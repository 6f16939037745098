#pragma once
// Census cells with no count (blank, z, x, c) that a charge needs.

#include "calc/diagnostic.hpp"
#include "calc/effective_rates.hpp"
#include "calc/schedule.hpp"
#include "calc/school.hpp"

#include <optional>
#include <vector>

namespace calc {

/// The problem when `option` of `service` charges `school` on a factor whose
/// census cell held no count, e.g. `census.csv:12: FSM: blank, but "Free school
/// meals eligibility checking" charges this maintained primary per FSM pupil`.
/// A factor the school is not charged on (an academy, a special school's pupil
/// factors, a zero rate) needs no count.
/// `rates` are effective_rates() of the option on this census.
std::optional<Diagnostic> missing_count(const Census& census, const School& school, const Service& service,
                                        const RatesByPhase& rates);

/// Every such problem over every option of every service, one per school and service.
std::vector<Diagnostic> missing_counts(const Census& census, const Schedule& schedule);

}  // namespace calc
