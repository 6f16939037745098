#pragma once
// The deduction engine: census + schedule -> what each school is charged.

#include "calc/effective_rates.hpp"
#include "calc/money.hpp"
#include "calc/schedule.hpp"
#include "calc/school.hpp"

#include <array>
#include <cstdint>
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
// Packed: 12 bytes a charge instead of 16 with the padding (a million schools
// make about four million charges). Members are read by value only.
struct [[gnu::packed]] SchoolCharge {
    std::uint32_t school = 0;  ///< index into Census::schools (a census holds fewer than 2^32; the loader says so)
    std::int64_t pennies = 0;  ///< the charge in pence, not a Decimal's 32 bytes

    Money amount() const { return Money{Decimal::from_units(pennies, 2)}; }
};
static_assert(sizeof(SchoolCharge) == 12);

/// One service under one rate option, over a whole census.
struct ServiceResult {
    std::size_t service = 0;  ///< index into Schedule::services
    std::size_t option = 0;   ///< index into Service::options
    std::vector<SchoolCharge> charges;  ///< charged schools only, census order
    std::array<ExactAmount, kFactorCount> by_factor{};  ///< exact totals per factor, every phase
    std::array<std::array<ExactAmount, kFactorCount>, kPhaseCount> by_phase_factor{};  ///< [phase][factor], exact
    std::array<ExactAmount, kPhaseCount> exact_by_phase{};  ///< exact totals per phase
    std::array<Money, kPhaseCount> rounded_by_phase{};      ///< per-school pennies summed per phase
    std::array<std::size_t, kPhaseCount> charged_by_phase{};  ///< schools charged per phase
    RatesByPhase rates;       ///< the rates charged to each phase (a budget-first rate as derived on this census)
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

/// The factors of one school's charge for one service at `rates` (the
/// effective_rates() of an option): rate × count for each factor that applies
/// to the school's phase (empty when not charged). The one formula:
/// calculate_service() sums exactly these.
std::vector<FactorCharge> breakdown(const School& school, const Service& service, const RatesByPhase& rates);

/// The same under `option` on `census` (a budget-first rate needs the census
/// and the schedule's rounding policy, `charges`, which it is met under).
std::vector<FactorCharge> breakdown(const Census& census, const School& school, const Service& service,
                                    const RateOption& option, const RoundingPolicy& charges);

/// The same for a rate-first option (its phase rates need no census); a
/// budget-first option gives nothing here: use the census overload.
std::vector<FactorCharge> breakdown(const School& school, const Service& service, const RateOption& option);

/// Charges one service under rate option `option` (an index into its options).
/// A figure too large for a Decimal throws calc::InputError naming the
/// census line, the school's URN, the service and factor, rate and count; a
/// count the charge needs that the census left blank (or z, x, c) throws
/// calc::InputError naming the line, factor, service and school (calc::MissingCounts).
ServiceResult calculate_service(const Census& census, const Schedule& schedule, std::size_t service,
                                std::size_t option);

/// Charges every service of `schedule` under its selected option.
Calculation calculate(const Census& census, const Schedule& schedule);

}  // namespace calc
