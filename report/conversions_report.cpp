#include "report/conversions_report.hpp"

#include "calc/money_format.hpp"
#include "report/csv_field.hpp"
#include "report/markdown.hpp"

#include <string>

namespace report {

namespace {

std::string pounds(const calc::Money& m) { return calc::format_pounds(m.value, 2); }
std::string whole_pounds(const calc::Decimal& d) { return calc::format_pounds(d, d.scale() > 0 ? 2 : 0); }
bool refunding(const calc::ConversionsResult& r) { return r.policy == calc::ConversionPolicy::refund; }

// The money columns the policy has: refund shows refund and kept; kept shows kept and the ESFA share.
std::vector<std::string> money_headings(const calc::ConversionsResult& r) {
    if (refunding(r)) return {"De-delegation for the year", "Refund", "Kept by the LA"};
    return {"De-delegation for the year", "Kept by the LA", "ESFA academy share"};
}
template <class T>
std::vector<std::string> money_cells(const calc::ConversionsResult& r, const T& x) {
    if (refunding(r)) return {pounds(x.charge), pounds(x.refund), pounds(x.kept)};
    return {pounds(x.charge), pounds(x.kept), pounds(x.academy_share)};
}
std::vector<std::string> join(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

void csv_money(std::ostream& out, const calc::ConversionShare& s) {
    out << calc::format_plain(s.charge.value, 2) << ',' << calc::format_plain(s.refund.value, 2) << ','
        << calc::format_plain(s.kept.value, 2) << ',' << calc::format_plain(s.academy_share.value, 2) << '\n';
}

}  // namespace

void write_conversions_markdown(std::ostream& out, const calc::Census& census, const calc::Schedule& schedule,
                                const calc::ConversionsResult& result, const std::vector<calc::LedgerEffect>& ledgers) {
    out << "# In-year academy conversions: " << markdown_text(schedule.authority) << " " << markdown_text(schedule.year) << "\n\n"
        << calc::policy_sentence(result.policy, result.year) << "\n\n";

    out << "## Converting schools\n\n";
    markdown_heading(out, "URN", join({"School", "Converts", "Days maintained", "Days as an academy", "Days open from 1 September"},
                                      money_headings(result)));
    for (const calc::SchoolConversion& s : result.schools) {
        const calc::School& school = census.schools[s.conversion.school];
        markdown_row(out, std::string(school.urn.view()),
                     join({std::string(school.name.view()), calc::iso_text(s.conversion.date), std::to_string(s.days_maintained),
                           std::to_string(s.days_academy), std::to_string(s.days_open_from_september)},
                          money_cells(result, s)));
    }
    markdown_row(out, "Total", join({std::to_string(result.schools.size()) + " schools", "", "", "", ""}, money_cells(result, result)));

    out << "\n## By service\n\n";
    markdown_heading(out, "Service", join({"Converting schools"}, money_headings(result)));
    for (const calc::ServiceConversions& s : result.services)
        markdown_row(out, schedule.services.at(s.service).name, join({std::to_string(s.schools)}, money_cells(result, s)));
    markdown_row(out, "Total", join({""}, money_cells(result, result)));

    out << "\n## Each school's services\n\n";
    markdown_heading(out, "URN", join({"Service"}, money_headings(result)));
    for (const calc::SchoolConversion& s : result.schools)
        for (const calc::ConversionShare& share : s.services)
            markdown_row(out, std::string(census.schools[s.conversion.school].urn.view()),
                         join({schedule.services.at(share.service).id}, money_cells(result, share)));

    out << "\nEvery total is a sum of per-school pennies: "
        << (refunding(result) ? "refund + kept by the LA = the year's de-delegation in every row and total.\n"
                              : "the LA keeps the year's de-delegation in every row; the ESFA academy share is shown beside it.\n");

    if (!ledgers.empty()) {
        out << "\n## Ledgers\n\nThe year's budget, outturn and balance carried forward, before and after the refunds "
               "(every later year's balance falls by the same).\n\n";
        markdown_heading(out, "Service", {"Year", "Budget", "Refunds", "Budget after refunds", "Outturn", "Outturn after refunds",
                                          "Balance carried forward", "Balance after refunds"});
        for (const calc::LedgerEffect& e : ledgers)
            markdown_row(out, schedule.services.at(e.service).name,
                         {e.year, whole_pounds(e.budget), pounds(e.refunds), whole_pounds(e.budget_after), whole_pounds(e.outturn),
                          whole_pounds(e.outturn_after), whole_pounds(e.balance), whole_pounds(e.balance_after)});
    }
}

void write_conversions_csv(std::ostream& out, const calc::Census& census, const calc::Schedule& schedule,
                           const calc::ConversionsResult& result) {
    const std::string policy(calc::name_of(result.policy));
    out << "Policy,URN,School,ConversionDate,DaysMaintained,DaysAsAcademy,DaysOpenFromSeptember,Service,DeDelegation,Refund,"
           "KeptByLA,ESFAAcademyShare\n";
    for (const calc::SchoolConversion& s : result.schools) {
        const calc::School& school = census.schools[s.conversion.school];
        for (const calc::ConversionShare& share : s.services) {
            out << policy << ',' << csv_field(school.urn.view()) << ',' << csv_text(school.name.view()) << ','
                << calc::iso_text(s.conversion.date) << ',' << s.days_maintained << ',' << s.days_academy << ','
                << s.days_open_from_september << ',' << csv_text(schedule.services.at(share.service).id) << ',';
            csv_money(out, share);
        }
    }
    for (const calc::ServiceConversions& s : result.services) {
        out << policy << ",TOTAL,,,,,," << csv_text(schedule.services.at(s.service).id) << ',';
        csv_money(out, {s.service, s.charge, s.refund, s.kept, s.academy_share});
    }
    out << policy << ",TOTAL,,,,,,ALL,";
    csv_money(out, {0, result.charge, result.refund, result.kept, result.academy_share});
}

}  // namespace report
