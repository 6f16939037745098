#pragma once
// A service's multi-year ledger: budget, spend, outturn and the balance carried forward.

#include "calc/money.hpp"

#include <string>
#include <vector>

namespace model {

/// One year as the officer records it. spend is actual or forecast, in pounds.
struct LedgerYear {
    std::string year;      ///< "2024-25"
    calc::Rate rate;       ///< £ per applicable pupil
    long long pupils = 0;  ///< applicable pupils (the census the year uses)
    calc::Decimal spend;   ///< pounds, as recorded (whole pounds in Forum papers)
    bool forecast = false; ///< spend is a forecast, not an outturn
    std::string note;
};

/// A service's ledger input. Unspent de-delegated funding may be carried
/// forward, and so is a deficit: opening_balance is the balance before the first year.
struct Ledger {
    std::string service;  ///< service id, as in the rate schedule
    std::string name;
    calc::Decimal opening_balance;
    std::vector<LedgerYear> years;
};

/// Rounding point: a year's budget is rate × pupils presented to the pound,
/// half up, as Forum papers do; outturn and balance are taken from it.
inline constexpr calc::RoundingMode kBudgetRounding = calc::RoundingMode::half_up;

/// One year worked through.
struct LedgerRow {
    LedgerYear input;
    calc::ExactAmount exact_budget;  ///< rate × pupils, exact
    calc::Decimal budget;            ///< whole pounds
    calc::Decimal outturn;           ///< budget − spend (negative: a shortfall)
    calc::Decimal balance;           ///< carried forward after this year
};

/// One year worked through, after a balance of `balance_before`.
LedgerRow work_year(const LedgerYear& year, const calc::Decimal& balance_before);

/// Works through every year in order.
std::vector<LedgerRow> run_ledger(const Ledger& ledger);

/// Budget of one year: rate × pupils to the pound.
calc::Decimal budget_of(const calc::Rate& rate, long long pupils);

}  // namespace model
