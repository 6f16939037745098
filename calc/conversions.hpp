#pragma once
// Schools that become academies during the financial year: what happens to
// each one's de-delegation for the year under the LA's stated policy.
//
// A converting school was charged its de-delegation for the whole year (it is
// maintained on the census). Two policies:
//   kept:   the LA keeps it to 31 March and provides the services to then;
//           nothing is refunded. Beside it, the academy's share under the
//           ESFA academy budget rule (see policy_sentence()).
//   refund: the LA refunds the days the school is an academy, pro rata.
// Rounding points: each school's refund per service is the year's charge
// × days as an academy ÷ the year's days, rounded half up to the penny once;
// the academy's share per service likewise with its days; what the LA keeps
// is charge − refund, exact; totals are sums of those pennies.

#include "calc/deduction.hpp"
#include "calc/financial_year.hpp"
#include "calc/money.hpp"
#include "calc/schedule.hpp"
#include "calc/school.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calc {

enum class ConversionPolicy { kept, refund };
std::string_view name_of(ConversionPolicy p);  ///< "kept", "refund"
std::optional<ConversionPolicy> conversion_policy_from_name(std::string_view name);

/// Refunds and shares are rounded half up, to the penny, once per school per service.
inline constexpr RoundingMode kConversionRounding = RoundingMode::half_up;

/// The days from 1 April to 31 August (30 + 31 + 30 + 31 + 31): the ESFA
/// rule's 153.
inline constexpr long kAprilToAugustDays = 153;

/// One school converting on `date` (checked: maintained, charged, in the year).
struct Conversion {
    std::size_t school = 0;  ///< index into Census::schools
    Day date;                ///< the first day it is an academy
    long line = 0;           ///< where the conversions file gives it
};

/// One de-delegated service of one converting school.
struct ConversionShare {
    std::size_t service = 0;  ///< index into Schedule::services
    Money charge;             ///< the year's de-delegation (the per-school pennies `calc` charges)
    Money refund;             ///< refund policy: charge × academy days ÷ year days, half up to the penny; kept: 0
    Money kept;               ///< charge − refund: what the LA keeps
    Money academy_share;      ///< the ESFA rule's share: charge × days open from 1 September ÷ year days, half up
};

struct SchoolConversion {
    Conversion conversion;
    long days_maintained = 0;         ///< 1 April to the day before the conversion
    long days_academy = 0;            ///< the conversion day to 31 March (days open)
    long days_open_from_september = 0;  ///< of those, from 1 September on
    std::vector<ConversionShare> services;  ///< each de-delegated service that charges the school, schedule order
    Money charge, refund, kept, academy_share;  ///< sums of the services' pennies
};

struct ServiceConversions {
    std::size_t service = 0;
    std::size_t schools = 0;  ///< converting schools it charges
    Money charge, refund, kept, academy_share;
};

struct ConversionsResult {
    ConversionPolicy policy = ConversionPolicy::kept;
    FinancialYear year;
    std::vector<SchoolConversion> schools;     ///< in the conversions file's order
    std::vector<ServiceConversions> services;  ///< every de-delegated service, schedule order
    Money charge, refund, kept, academy_share;
};

/// True for each school of the census charged at least one de-delegated service in `calculation`.
std::vector<bool> charged_de_delegation(const Calculation& calculation, const Schedule& schedule, std::size_t schools);

/// Works out each conversion under `policy`. Every conversion must name a
/// school `calculation` charges de-delegation and a day in `year` (the loader
/// checks; anything else is a bug: std::logic_error).
ConversionsResult convert_in_year(const Census& census, const Schedule& schedule, const Calculation& calculation,
                                  const std::vector<Conversion>& conversions, ConversionPolicy policy,
                                  const FinancialYear& year);

/// A service's ledger for the conversions' year, before and after its refunds:
/// the budget (the ledger's rate × pupils, to the pound), the outturn (budget
/// − spend) and the balance carried forward each fall by the refunds exactly
/// (every later year's balance by the same). Under `kept` the refunds are 0.
struct LedgerEffect {
    std::size_t service = 0;
    std::string year;
    Decimal budget, outturn, balance;
    Money refunds;
    Decimal budget_after, outturn_after, balance_after;
};
LedgerEffect ledger_effect(const ConversionsResult& result, std::size_t service, const std::string& year,
                           const Decimal& budget, const Decimal& outturn, const Decimal& balance);

/// The policy and its arithmetic in words, for the top of every report.
std::string policy_sentence(ConversionPolicy policy, const FinancialYear& year);

}  // namespace calc
