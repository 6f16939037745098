#include "calc/per_school.hpp"

namespace calc {

namespace {
Money zero_pennies() { return Money{Decimal(0).with_scale(2)}; }
}  // namespace

std::vector<SchoolRow> per_school_rows(const Calculation& calc, std::size_t school_count) {
    std::vector<SchoolRow> all(school_count);
    std::vector<bool> charged(school_count, false);
    for (std::size_t i = 0; i < school_count; ++i) {
        all[i].school = i;
        all[i].by_service.resize(calc.services.size());
        all[i].total = zero_pennies();
    }
    for (std::size_t s = 0; s < calc.services.size(); ++s) {
        for (const SchoolCharge& c : calc.services[s].charges) {
            all[c.school].by_service[s] = c.amount();
            all[c.school].total += c.amount();
            charged[c.school] = true;
        }
    }
    std::vector<SchoolRow> rows;
    for (std::size_t i = 0; i < school_count; ++i)
        if (charged[i]) rows.push_back(std::move(all[i]));
    return rows;
}

std::vector<Money> school_totals(const Calculation& calc, std::size_t school_count) {
    std::vector<Money> totals(school_count, zero_pennies());
    for (const ServiceResult& s : calc.services)
        for (const SchoolCharge& c : s.charges) totals[c.school] += c.amount();
    return totals;
}

}  // namespace calc
