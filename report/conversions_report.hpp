#pragma once
// In-year conversions as Markdown or CSV.

#include "calc/conversions.hpp"

#include <ostream>
#include <vector>

namespace report {

/// The policy in words, each converting school, each service's totals, each
/// school's services and, when given, each ledger's year before and after.
void write_conversions_markdown(std::ostream& out, const calc::Census& census, const calc::Schedule& schedule,
                                const calc::ConversionsResult& result, const std::vector<calc::LedgerEffect>& ledgers);

/// One row per converting school and service, then a TOTAL row per service and
/// one for all: Policy,URN,School,ConversionDate,DaysMaintained,DaysAsAcademy,
/// DaysOpenFromSeptember,Service,DeDelegation,Refund,KeptByLA,ESFAAcademyShare.
void write_conversions_csv(std::ostream& out, const calc::Census& census, const calc::Schedule& schedule,
                           const calc::ConversionsResult& result);

}  // namespace report
