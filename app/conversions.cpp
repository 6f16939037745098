#include "app/conversions.hpp"

#include "app/embedded.hpp"
#include "calc/diagnostic.hpp"
#include "census/conversions_loader.hpp"
#include "model/ledger.hpp"
#include "rates/ledger_loader.hpp"

#include <algorithm>

namespace app {

calc::FinancialYear financial_year_of(const calc::Schedule& schedule, const std::string& rates_file) {
    if (const auto year = calc::financial_year_from_label(schedule.year)) return *year;
    throw calc::InputError({{rates_file.empty() ? "embedded:" + std::string(kDefaultRates) : rates_file, 0, "schedule.year",
                             "\"" + schedule.year + "\" is not a financial year written like 2025-26: the conversion dates "
                             "are checked against it"}});
}

ConversionsRun run_conversions(const ConversionsSpec& spec) {
    const auto policy = calc::conversion_policy_from_name(spec.policy);
    if (!policy) throw calc::InputError({{"--policy", 0, "", "\"" + spec.policy + "\": give kept or refund"}});
    ConversionsRun run{load_inputs(spec.inputs), {}, {}, {}};
    const calc::FinancialYear year = financial_year_of(run.in.schedule, spec.inputs.rates);
    run.calculation = calc::calculate(run.in.census, run.in.schedule);
    const auto charged = calc::charged_de_delegation(run.calculation, run.in.schedule, run.in.census.schools.size());
    const auto conversions = census::load_conversions_file(spec.conversions, run.in.census, charged, year);
    run.result = calc::convert_in_year(run.in.census, run.in.schedule, run.calculation, conversions, *policy, year);

    std::vector<calc::Diagnostic> problems;
    std::vector<std::size_t> services_seen;
    for (const std::string& path : spec.ledgers) {
        const rates::LedgerFile file = rates::load_ledger_file(path);
        const model::Ledger& ledger = file.ledger;
        const auto& services = run.in.schedule.services;
        const auto it = std::find_if(services.begin(), services.end(), [&](const calc::Service& s) { return s.id == ledger.service; });
        if (it == services.end() || it->kind != calc::ServiceKind::de_delegated) {
            problems.push_back({path, file.service_line, "ledger.service",
                                "\"" + ledger.service + "\" is not a de-delegated service of the " + run.in.schedule.year + " schedule"});
            continue;
        }
        const auto service = static_cast<std::size_t>(it - services.begin());
        if (std::find(services_seen.begin(), services_seen.end(), service) != services_seen.end()) {
            problems.push_back({path, file.service_line, "ledger.service", "a second ledger for \"" + ledger.service + "\""});
            continue;
        }
        services_seen.push_back(service);
        const std::vector<model::LedgerRow> rows = model::run_ledger(ledger);
        const auto row = std::find_if(rows.begin(), rows.end(), [&](const model::LedgerRow& r) { return r.input.year == year.label(); });
        if (row == rows.end()) {
            problems.push_back({path, 0, "year", "no year " + year.label() + " (the schedule's year) in this ledger"});
            continue;
        }
        run.ledgers.push_back(calc::ledger_effect(run.result, service, year.label(), row->budget, row->outturn, row->balance));
    }
    if (!problems.empty()) throw calc::InputError(std::move(problems));
    return run;
}

}  // namespace app
