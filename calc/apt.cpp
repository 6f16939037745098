#include "calc/apt.hpp"

#include "calc/money_format.hpp"

#include <algorithm>

namespace calc {

namespace {

Money zero() { return Money{Decimal::from_units(0, 2)}; }
Money negated(const Money& m) { return Money{-m.value}; }

}  // namespace

AptTieOut apt_tie_out(const Census& census, const Schedule& schedule, const Calculation& calculation,
                      const std::vector<BudgetShare>& budgets, const std::string& file) {
    AptTieOut out;
    out.de_delegated_charged = out.education_functions_charged = zero();
    std::vector<Money> de_delegated(census.schools.size(), zero());
    std::vector<Money> functions(census.schools.size(), zero());
    std::vector<bool> charged(census.schools.size(), false);
    for (const ServiceResult& r : calculation.services) {
        const bool is_de_delegated = schedule.services.at(r.service).kind == ServiceKind::de_delegated;
        for (const SchoolCharge& c : r.charges) {
            (is_de_delegated ? de_delegated : functions).at(c.school) += c.amount();
            charged.at(c.school) = true;
        }
        out.services.push_back({r.service, r.sum_of_rounded});
        (is_de_delegated ? out.de_delegated_charged : out.education_functions_charged) += r.sum_of_rounded;
    }

    std::vector<Diagnostic> problems;
    std::vector<bool> has_budget(census.schools.size(), false);
    out.total = AptRow{0, 0, zero(), zero(), zero(), zero(), zero()};
    for (const BudgetShare& b : budgets) {
        has_budget.at(b.school) = true;
        AptRow row;
        row.school = b.school;
        row.line = b.line;
        row.post_mfg = b.post_mfg;
        row.de_delegation = negated(de_delegated[b.school]);
        row.post_de_delegation = row.post_mfg + row.de_delegation;
        row.education_functions = negated(functions[b.school]);
        row.post_de_delegation_and_ef = row.post_de_delegation + row.education_functions;
        if (row.post_de_delegation_and_ef.value.sign() < 0)
            problems.push_back({file, b.line, "PostMFGBudget",
                                "URN " + std::string(census.schools[b.school].urn.view()) + ": a budget of " +
                                    format_pounds(b.post_mfg.value, 2) + " is less than the school's charges (" +
                                    format_pounds((de_delegated[b.school] + functions[b.school]).value, 2) +
                                    "); is this the post-MFG budget share?"});
        out.rows.push_back(row);
    }
    for (std::size_t i = 0; i < census.schools.size(); ++i)
        if (charged[i] && !has_budget[i])
            problems.push_back({file, 0, "URN",
                                "no budget for URN " + std::string(census.schools[i].urn.view()) + " (" +
                                    std::string(census.schools[i].name.view()) + "), charged " +
                                    format_pounds((de_delegated[i] + functions[i]).value, 2) +
                                    ": every school charged must have its post-MFG budget, or the columns would not "
                                    "reconcile with the paper's totals"});
    if (!problems.empty()) throw InputError(std::move(problems));

    std::sort(out.rows.begin(), out.rows.end(), [](const AptRow& a, const AptRow& b) { return a.school < b.school; });
    for (const AptRow& row : out.rows) {
        out.total.post_mfg += row.post_mfg;
        out.total.de_delegation += row.de_delegation;
        out.total.post_de_delegation += row.post_de_delegation;
        out.total.education_functions += row.education_functions;
        out.total.post_de_delegation_and_ef += row.post_de_delegation_and_ef;
    }
    return out;
}

}  // namespace calc
