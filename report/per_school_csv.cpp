#include "report/per_school_csv.hpp"

#include "calc/money_format.hpp"
#include "calc/per_school.hpp"
#include "report/csv_field.hpp"

namespace report {

void write_wide_csv(std::ostream& out, const calc::Census& census, const calc::Schedule& schedule,
                    const calc::Calculation& calc) {
    out << "URN,LAESTAB,School,Phase";
    for (const calc::ServiceResult& r : calc.services) out << ',' << csv_text(schedule.services[r.service].id);
    out << ",Total\n";
    for (const calc::SchoolRow& row : calc::per_school_rows(calc, census.schools.size())) {
        const calc::School& s = census.schools[row.school];
        out << csv_text(s.urn) << ',' << csv_text(s.laestab) << ',' << csv_text(s.name) << ','
            << calc::name_of(s.phase);
        for (const auto& amount : row.by_service) out << ',' << (amount ? calc::format_plain(amount->value, 2) : "");
        out << ',' << calc::format_plain(row.total.value, 2) << '\n';
    }
    out << "TOTAL,,,";
    for (const calc::ServiceResult& r : calc.services) out << ',' << calc::format_plain(r.sum_of_rounded.value, 2);
    out << ',' << calc::format_plain(calc.sum_of_rounded.value, 2) << '\n';
}

void write_long_csv(std::ostream& out, const calc::Census& census, const calc::Schedule& schedule,
                    const calc::Calculation& calc) {
    out << "URN,School,Service,Factor,Count,Rate,Amount\n";
    for (const calc::ServiceResult& r : calc.services) {
        const calc::Service& svc = schedule.services[r.service];
        const std::string service = csv_text(svc.id);
        for (const calc::SchoolCharge& c : r.charges) {
            const calc::School& s = census.schools[c.school];
            const std::string who = csv_text(s.urn) + ',' + csv_text(s.name) + ',' + service + ',';
            for (const calc::FactorCharge& f : calc::breakdown(s, svc, r.rates))
                out << who << calc::code_of(f.factor) << ',' << f.count.value.to_string() << ','
                    << f.rate.value.to_string() << ',' << f.amount.value.to_string() << '\n';
            out << who << "ROUNDED,,," << calc::format_plain(c.amount.value, 2) << '\n';
        }
    }
    out << "TOTAL,,,,,," << calc::format_plain(calc.sum_of_rounded.value, 2) << '\n';
}

}  // namespace report
