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
    // Rows go through one reused buffer, as in the wide layout.
    std::string buffer, who;
    buffer.reserve(1 << 16);
    const auto flush_if_full = [&] {
        if (buffer.size() < (1 << 16) - 1024) return;
        out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        buffer.clear();
    };
    for (const calc::ServiceResult& r : calc.services) {
        const calc::Service& svc = schedule.services[r.service];
        for (const calc::SchoolCharge& c : r.charges) {
            const calc::School& s = census.schools[c.school];
            who.clear();
            append_csv_text(who, s.urn);
            who += ',';
            append_csv_text(who, s.name);
            who += ',';
            append_csv_text(who, svc.id);
            who += ',';
            for (const calc::FactorCharge& f : calc::breakdown(s, svc, r.rates)) {
                buffer += who;
                buffer += calc::code_of(f.factor);
                buffer += ',';
                calc::append_plain(buffer, f.count.value, f.count.value.scale());
                buffer += ',';
                calc::append_plain(buffer, f.rate.value, f.rate.value.scale());
                buffer += ',';
                calc::append_plain(buffer, f.amount.value, f.amount.value.scale());
                buffer += '\n';
            }
            buffer += who;
            buffer += "ROUNDED,,,";
            calc::append_plain(buffer, c.amount().value, 2);
            buffer += '\n';
            flush_if_full();
        }
    }
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    out << "TOTAL,,,,,," << calc::format_plain(calc.sum_of_rounded.value, 2) << '\n';
}

}  // namespace report
