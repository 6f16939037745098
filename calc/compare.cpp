#include "calc/compare.hpp"

#include <algorithm>

namespace calc {

namespace {

Money zero_pennies() { return Money{Decimal(0).with_scale(2)}; }

// charges[school][service id position] from one calculation.
std::vector<std::vector<Money>> charges_by_id(const Schedule& schedule, const Calculation& calc,
                                              const std::vector<std::string>& ids, std::size_t schools) {
    std::vector<std::vector<Money>> table(schools, std::vector<Money>(ids.size(), zero_pennies()));
    for (const ServiceResult& r : calc.services) {
        const std::string& id = schedule.services[r.service].id;
        const auto pos = static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
        for (const SchoolCharge& c : r.charges) table[c.school][pos] = c.amount();
    }
    return table;
}

}  // namespace

std::optional<Decimal> percent_change(const Money& from, const Money& to) {
    if (from.value.is_zero()) return std::nullopt;
    return divide((to - from).value * Decimal(100), from.value, 1, RoundingMode::half_up);
}

Comparison compare(const Census& census, const Schedule& from_schedule, const Calculation& from,
                   const Schedule& to_schedule, const Calculation& to) {
    Comparison out;
    for (const Service& s : to_schedule.services) out.service_ids.push_back(s.id);
    for (const Service& s : from_schedule.services)
        if (!to_schedule.find(s.id)) out.service_ids.push_back(s.id);

    const std::size_t n = census.schools.size();
    const auto before = charges_by_id(from_schedule, from, out.service_ids, n);
    const auto after = charges_by_id(to_schedule, to, out.service_ids, n);
    std::vector<bool> charged(n, false);
    for (const Calculation* c : {&from, &to})
        for (const ServiceResult& r : c->services)
            for (const SchoolCharge& ch : r.charges) charged[ch.school] = true;

    out.from_total = zero_pennies();
    out.to_total = zero_pennies();
    for (std::size_t i = 0; i < n; ++i) {
        if (!charged[i]) continue;
        SchoolChange row;
        row.school = i;
        row.from = row.to = zero_pennies();
        for (std::size_t s = 0; s < out.service_ids.size(); ++s) {
            row.change_by_service.push_back(after[i][s] - before[i][s]);
            row.from += before[i][s];
            row.to += after[i][s];
        }
        row.change = row.to - row.from;
        row.percent = percent_change(row.from, row.to);
        out.from_total += row.from;
        out.to_total += row.to;
        out.schools.push_back(std::move(row));
    }
    return out;
}

}  // namespace calc
