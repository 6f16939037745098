#pragma once
// What a change of schedule costs each school.

#include "calc/deduction.hpp"

#include <optional>
#include <string>
#include <vector>

namespace calc {

/// One school's charges under two schedules. by_service is aligned with
/// Comparison::service_ids; a service missing from one schedule counts as zero.
struct SchoolChange {
    std::size_t school = 0;
    std::vector<Money> change_by_service;
    Money from;
    Money to;
    Money change;                    ///< to - from
    std::optional<Decimal> percent;  ///< change / from × 100 to 1 dp (half_up); none when from is zero
};

struct Comparison {
    std::vector<std::string> service_ids;  ///< the `to` schedule's, then any only in `from`
    std::vector<SchoolChange> schools;     ///< schools charged under either, census order
    Money from_total;
    Money to_total;
};

/// (to − from) ÷ from × 100, to 1 dp half up; none when `from` is zero.
std::optional<Decimal> percent_change(const Money& from, const Money& to);

Comparison compare(const Census& census, const Schedule& from_schedule, const Calculation& from,
                   const Schedule& to_schedule, const Calculation& to);

}  // namespace calc
