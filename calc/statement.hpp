#pragma once
// What a schedule change costs one school, service by service: plain data the
// what-if scenario fills (app::Scenario::statement) and the papers print.

#include "calc/deduction.hpp"

#include <string>
#include <vector>

namespace calc {

/// One service on a school's statement: what it costs under the baseline and
/// under the proposal (a service voted out, or new, shows £0 on that side),
/// and the proposal's factors, count × rate, exact.
struct StatementLine {
    std::string service_id;
    std::string service_name;
    calc::Money baseline;   ///< 0 when the baseline does not charge it to this school
    calc::Money proposal;   ///< 0 when the proposal does not (voted out, exempt, not offered)
    bool charged_before = false;
    bool charged_now = false;
    std::vector<calc::FactorCharge> factors;  ///< the proposal's working, or the baseline's when not charged now
    calc::Money change() const { return proposal - baseline; }
};

/// What the scenario costs one school: every service charged under the
/// baseline or the proposal, with the totals.
struct SchoolStatement {
    std::size_t school = 0;
    std::vector<StatementLine> lines;
    calc::Money baseline_total;
    calc::Money proposal_total;
    calc::Money change() const { return proposal_total - baseline_total; }
};

}  // namespace calc
