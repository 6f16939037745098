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
    // Streamed: each service's charges are in census order, so one cursor per
    // service walks them beside the schools; rows go through one reused buffer.
    std::vector<std::size_t> next(calc.services.size(), 0);
    std::string buffer;
    buffer.reserve(1 << 16);
    for (std::size_t i = 0; i < census.schools.size(); ++i) {
        bool charged = false;
        for (std::size_t k = 0; k < next.size(); ++k) {
            const auto& charges = calc.services[k].charges;
            charged = charged || (next[k] < charges.size() && charges[next[k]].school == i);
        }
        if (!charged) continue;
        const calc::School& s = census.schools[i];
        append_csv_text(buffer, s.urn);
        buffer += ',';
        append_csv_text(buffer, s.laestab);
        buffer += ',';
        append_csv_text(buffer, s.name);
        buffer += ',';
        buffer += calc::name_of(s.phase);
        calc::Money total{calc::Decimal::from_units(0, 2)};
        for (std::size_t k = 0; k < next.size(); ++k) {
            buffer += ',';
            const auto& charges = calc.services[k].charges;
            if (next[k] < charges.size() && charges[next[k]].school == i) {
                const calc::Money amount = charges[next[k]++].amount();
                calc::append_plain(buffer, amount.value, 2);
                total += amount;
            }
        }
        buffer += ',';
        calc::append_plain(buffer, total.value, 2);
        buffer += '\n';
        if (buffer.size() > (1 << 16) - 1024) {
            out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            buffer.clear();
        }
    }
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
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
            out << who << "ROUNDED,,," << calc::format_plain(c.amount().value, 2) << '\n';
        }
    }
    out << "TOTAL,,,,,," << calc::format_plain(calc.sum_of_rounded.value, 2) << '\n';
}

}  // namespace report
