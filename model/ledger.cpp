#include "model/ledger.hpp"

namespace model {

calc::Decimal budget_of(const calc::Rate& rate, long long pupils) {
    return (rate * calc::Count{calc::Decimal(pupils)}).value.round(0, kBudgetRounding);
}

LedgerRow work_year(const LedgerYear& year, const calc::Decimal& balance_before) {
    LedgerRow row;
    row.input = year;
    row.exact_budget = year.rate * calc::Count{calc::Decimal(year.pupils)};
    row.budget = budget_of(year.rate, year.pupils);
    row.outturn = row.budget - year.spend;
    row.balance = balance_before + row.outturn;
    return row;
}

std::vector<LedgerRow> run_ledger(const Ledger& ledger) {
    std::vector<LedgerRow> rows;
    calc::Decimal balance = ledger.opening_balance;
    for (const LedgerYear& y : ledger.years) {
        rows.push_back(work_year(y, balance));
        balance = rows.back().balance;
    }
    return rows;
}

}  // namespace model
