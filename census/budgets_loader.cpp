#include "census/budgets_loader.hpp"

#include "calc/number_text.hpp"
#include "census/csv_columns.hpp"
#include "census/school_index.hpp"
#include "io/text_file.hpp"

#include <map>

namespace census {

namespace {
// No school's budget share comes near it; bounding it keeps every total exact and far from overflow.
constexpr long long kMostBudget = 1'000'000'000;
}  // namespace

std::vector<calc::BudgetShare> load_budget_shares(std::string_view text, const std::string& file, const calc::Census& census) {
    const std::vector<CsvRow> rows = read_csv_rows(text, file);
    if (rows.empty()) throw calc::InputError({{file, 0, "", "empty: no header row (URN,PostMFGBudget)"}});
    std::vector<calc::Diagnostic> problems;
    const CsvColumns c = read_columns(rows[0], file, {"URN", "PostMFGBudget"}, {"School"}, problems);
    if (!problems.empty()) throw calc::InputError(std::move(problems));
    if (rows.size() == 1)
        throw calc::InputError({{file, rows[0].line, "", "no rows: give each school's post-MFG budget share as URN,PostMFGBudget"}});

    const SchoolIndex schools(census);
    std::map<std::string, long> seen;
    std::vector<calc::BudgetShare> out;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const CsvRow& row = rows[i];
        if (row.fields.size() != rows[0].fields.size()) {
            problems.push_back({file, row.line, "", std::to_string(row.fields.size()) + " fields, but the header has " +
                                                        std::to_string(rows[0].fields.size()) +
                                                        " (quote a field with a comma in it: \"£1,234.56\")"});
            continue;
        }
        const std::string urn(c.get(row, "URN"));
        const std::string budget_text(c.get(row, "PostMFGBudget"));
        std::optional<std::size_t> school;
        if (!is_urn_text(urn)) {
            problems.push_back({file, row.line, "URN", "\"" + urn + "\" is not a URN (digits, no leading zero)"});
        } else if (const auto [it, fresh] = seen.emplace(urn, row.line); !fresh) {
            problems.push_back({file, row.line, "URN", "URN " + urn + " given twice (first on line " + std::to_string(it->second) + ")"});
        } else if (!(school = schools.find(urn))) {
            problems.push_back({file, row.line, "URN", "URN " + urn + " is not in the census (" + census.source + ")"});
        }
        std::optional<calc::Decimal> budget;
        try {
            const calc::NumberText n = calc::parse_number(budget_text);
            if (n.percent) problems.push_back({file, row.line, "PostMFGBudget", "\"" + budget_text + "\" is a percentage, not an amount"});
            else if (n.value.sign() < 0) problems.push_back({file, row.line, "PostMFGBudget", "\"" + budget_text + "\" is negative: a budget share is not"});
            else if (n.value.significant_places() > 2)
                problems.push_back({file, row.line, "PostMFGBudget", "\"" + budget_text + "\" has more than two decimal places: give pounds and pence"});
            else if (n.value > calc::Decimal(kMostBudget))
                problems.push_back({file, row.line, "PostMFGBudget", "\"" + budget_text + "\" is more than £1,000,000,000: is this one school's budget share?"});
            else budget = n.value.normalized().with_scale(2);
        } catch (const calc::InvalidNumber& e) {
            problems.push_back({file, row.line, "PostMFGBudget",
                                budget_text.empty() ? std::string("no budget") : std::string(e.what())});
        } catch (const calc::DecimalOverflow&) {
            problems.push_back({file, row.line, "PostMFGBudget", "\"" + budget_text + "\" is too large"});
        }
        if (school && budget) out.push_back({*school, calc::Money{*budget}, row.line});
    }
    if (!problems.empty()) throw calc::InputError(std::move(problems));
    return out;
}

std::vector<calc::BudgetShare> load_budget_shares_file(const std::string& path, const calc::Census& census) {
    return load_budget_shares(io::read_text_file(path), path, census);
}

}  // namespace census
