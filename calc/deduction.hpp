#pragma once
// The deduction engine: census + schedule -> what each school is charged.

#include "calc/money.hpp"
#include "calc/schedule.hpp"
#include "calc/school.hpp"

#include <array>
#include <vector>

namespace calc {

/// One factor of one school's charge: rate × count, exact.
struct FactorCharge {
    Factor factor;
    Count count;
    Rate rate;
    ExactAmount amount;
};

/// One school's charge for one service: the exact sum over factors, rounded
/// once to the penny with the schedule's mode. Only the penny amount is kept
/// (20,000 schools × 8 services of working would be tens of MB); breakdown()
/// gives the factors and their exact amounts.
struct SchoolCharge {
    std::size_t school = 0;  ///< index into Census::schools
    Money amount;
};

/// One service under one rate option, over a whole census.
struct ServiceResult {
    std::size_t service = 0;  ///< index into Schedule::services
    std::size_t option = 0;   ///< index into Service::options
    std::vector<SchoolCharge> charges;  ///< charged schools only, census order
    std::array<ExactAmount, kFactorCount> by_factor{};  ///< exact totals per factor
    ExactAmount exact_total;  ///< exact sum over schools (never rounded here)
    Money sum_of_rounded;     ///< sum of the per-school pennies

    /// The reconciliation every output states: pennies charged minus exact total.
    ExactAmount rounding_difference() const { return sum_of_rounded.exact() - exact_total; }
};

/// Every service of a schedule under its selected option.
struct Calculation {
    std::vector<ServiceResult> services;
    ExactAmount exact_total;
    Money sum_of_rounded;

    /// The reconciliation over every service: pennies charged minus exact total.
    ExactAmount rounding_difference() const { return sum_of_rounded.exact() - exact_total; }
};

/// The factors of one school's charge for one service under `option`:
/// rate × count for each factor that applies (empty when not charged).
/// The one formula: calculate_service() sums exactly these.
std::vector<FactorCharge> breakdown(const School& school, const Service& service, const RateOption& option);

/// Charges one service under rate option `option` (an index into its options).
/// A figure too large for a Decimal throws calc::InputError naming the
/// census line, the school's URN, the service and factor, rate and count; a
/// count the charge needs that the census left blank (or z, x, c) throws
/// calc::InputError naming the line, factor, service and school (missing_count()).
ServiceResult calculate_service(const Census& census, const Schedule& schedule, std::size_t service,
                                std::size_t option);

/// Charges every service of `schedule` under its selected option.
Calculation calculate(const Census& census, const Schedule& schedule);

}  // namespace calc
