#include "calc/conversions.hpp"

#include <algorithm>
#include <stdexcept>

namespace calc {

namespace {

Money zero() { return Money{Decimal::from_units(0, 2)}; }

// charge × days ÷ year days, rounded once (the only rounding of a refund or share).
Money pro_rata(const Money& charge, long days, long year_days) {
    return Money{divide(charge.value * Decimal(days), Decimal(year_days), 2, kConversionRounding)};
}

const SchoolCharge* find_charge(const ServiceResult& result, std::size_t school) {
    // Charges are in census order.
    const auto it = std::lower_bound(result.charges.begin(), result.charges.end(), school,
                                     [](const SchoolCharge& c, std::size_t s) { return c.school < s; });
    return it != result.charges.end() && it->school == school ? &*it : nullptr;
}

}  // namespace

std::string_view name_of(ConversionPolicy p) { return p == ConversionPolicy::kept ? "kept" : "refund"; }

std::optional<ConversionPolicy> conversion_policy_from_name(std::string_view name) {
    if (name == "kept") return ConversionPolicy::kept;
    if (name == "refund") return ConversionPolicy::refund;
    return std::nullopt;
}

std::vector<bool> charged_de_delegation(const Calculation& calculation, const Schedule& schedule, std::size_t schools) {
    std::vector<bool> charged(schools, false);
    for (const ServiceResult& r : calculation.services) {
        if (schedule.services.at(r.service).kind != ServiceKind::de_delegated) continue;
        for (const SchoolCharge& c : r.charges) charged.at(c.school) = true;
    }
    return charged;
}

ConversionsResult convert_in_year(const Census& census, const Schedule& schedule, const Calculation& calculation,
                                  const std::vector<Conversion>& conversions, ConversionPolicy policy,
                                  const FinancialYear& year) {
    ConversionsResult out;
    out.policy = policy;
    out.year = year;
    out.charge = out.refund = out.kept = out.academy_share = zero();
    const long year_days = year.days();
    const long first = day_number(year.first());
    const long last = day_number(year.last());
    const long september = day_number(Day{year.start, 9, 1});

    for (const ServiceResult& r : calculation.services)
        if (schedule.services.at(r.service).kind == ServiceKind::de_delegated)
            out.services.push_back({r.service, 0, zero(), zero(), zero(), zero()});

    for (const Conversion& c : conversions) {
        if (c.school >= census.schools.size() || !year.contains(c.date))
            throw std::logic_error("convert_in_year: a conversion the loader should have refused");
        SchoolConversion s;
        s.conversion = c;
        const long day = day_number(c.date);
        s.days_maintained = day - first;
        s.days_academy = last - day + 1;
        s.days_open_from_september = last - std::max(day, september) + 1;
        s.charge = s.refund = s.kept = s.academy_share = zero();
        std::size_t k = 0;
        for (const ServiceResult& r : calculation.services) {
            if (schedule.services.at(r.service).kind != ServiceKind::de_delegated) continue;
            ServiceConversions& total = out.services.at(k++);
            const SchoolCharge* charge = find_charge(r, c.school);
            if (!charge) continue;
            ConversionShare share;
            share.service = r.service;
            share.charge = charge->amount();
            share.refund = policy == ConversionPolicy::refund ? pro_rata(share.charge, s.days_academy, year_days) : zero();
            share.kept = share.charge - share.refund;
            share.academy_share = pro_rata(share.charge, s.days_open_from_september, year_days);
            s.charge += share.charge;
            s.refund += share.refund;
            s.kept += share.kept;
            s.academy_share += share.academy_share;
            ++total.schools;
            total.charge += share.charge;
            total.refund += share.refund;
            total.kept += share.kept;
            total.academy_share += share.academy_share;
            s.services.push_back(share);
        }
        if (s.services.empty()) throw std::logic_error("convert_in_year: a school charged no de-delegation");
        out.charge += s.charge;
        out.refund += s.refund;
        out.kept += s.kept;
        out.academy_share += s.academy_share;
        out.schools.push_back(std::move(s));
    }
    return out;
}

LedgerEffect ledger_effect(const ConversionsResult& result, std::size_t service, const std::string& year,
                           const Decimal& budget, const Decimal& outturn, const Decimal& balance) {
    LedgerEffect e;
    e.service = service;
    e.year = year;
    e.budget = budget;
    e.outturn = outturn;
    e.balance = balance;
    e.refunds = zero();
    for (const ServiceConversions& s : result.services)
        if (s.service == service) e.refunds = s.refund;
    e.budget_after = budget - e.refunds.value;
    e.outturn_after = outturn - e.refunds.value;
    e.balance_after = balance - e.refunds.value;
    return e;
}

std::string policy_sentence(ConversionPolicy policy, const FinancialYear& year) {
    const std::string days = std::to_string(year.days());
    const std::string september = std::to_string(year.days() - kAprilToAugustDays);
    const long last = day_number(year.last());
    const long december = last - day_number(Day{year.start, 12, 1}) + 1;     // all from 1 September
    const long august_31 = last - day_number(Day{year.start, 8, 31}) + 1;    // one day before 1 September
    const auto minus_153 = [](long open) {
        const long left = open - kAprilToAugustDays;
        return std::to_string(open) + " − 153 = " + (left < 0 ? "−" + std::to_string(-left) : std::to_string(left));
    };
    const std::string span = "The financial year " + year.label() + " runs from " + long_text(year.first()) + " to " +
                             long_text(year.last()) + ": " + days + " days. A school's conversion date is its first day as an academy; " +
                             "it was charged its de-delegation for the whole year as a maintained school. ";
    const std::string share =
        "The ESFA academy budget rule gives the academy a share of the year's de-delegation of (days open − 153) ÷ " + days +
        ", 153 being the days from 1 April to 31 August. That formula is written for an academy open all year (from 1 April: " +
        september + " days from 1 September to 31 March); read carefully, the 153 are the days it is open from 1 April to 31 August, "
        "so its share is its days open from 1 September to 31 March ÷ " + days +
        ", never below zero: a school converting on 1 December has " + std::to_string(december) + " such days (not " +
        minus_153(december) + "), one converting on 31 August " + september + " (not " + minus_153(august_31) + "). The share is the ESFA's to fund in the academy's budget, not the LA's to refund. "
        "Each school's share per service is rounded half up to the penny once.";
    if (policy == ConversionPolicy::kept)
        return span + "Policy: kept. The LA keeps each converting school's de-delegation for the year to 31 March and provides "
                      "the services to then: nothing is refunded and no service's budget changes. " + share;
    return span + "Policy: refund. The LA refunds each converting school's de-delegation for the days it is an academy (its "
                  "conversion date to 31 March): refund = the year's charge × days as an academy ÷ " + days +
                  ", rounded half up to the penny once per school per service; the LA keeps the rest (charge − refund, exact), "
                  "and each service's budget for the year is reduced by its refunds.";
}

}  // namespace calc
