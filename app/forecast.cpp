#include "app/forecast.hpp"

#include "calc/effective_rates.hpp"

#include "calc/diagnostic.hpp"
#include "calc/number_text.hpp"
#include "app/embedded.hpp"

namespace app {

namespace {

[[noreturn]] void bad_option(const std::string& option, const std::string& message) {
    throw calc::InputError({{option, 0, "", message}});
}

calc::Decimal percentage(const std::string& option, const std::string& text) {
    std::optional<calc::Decimal> value;
    try {
        const calc::NumberText n = calc::parse_number(text);
        if (n.percent) value = n.value;
    } catch (const calc::InvalidNumber&) {
    }
    if (!value) bad_option(option, "write a percentage such as 5.5%, not \"" + text + "\"");
    if (const auto why = model::percent_problem(*value)) bad_option(option, *why);
    return *value;
}

calc::Decimal amount(const std::string& option, const std::string& text) {
    try {
        const calc::NumberText n = calc::parse_number(text);
        if (!n.percent && n.value.sign() > 0) return n.value;
    } catch (const calc::InvalidNumber&) {
    }
    bad_option(option, "write an amount above zero, not \"" + text + "\"");
}

void by_year(const std::string& option, const std::vector<std::string>& entries,
             std::map<std::string, calc::Decimal>& into) {
    for (const std::string& e : entries) {
        const std::size_t eq = e.find('=');
        if (eq == std::string::npos) bad_option(option, "write YEAR=PERCENT, e.g. 2027-28=3%, not \"" + e + "\"");
        into[e.substr(0, eq)] = percentage(option, e.substr(eq + 1));
    }
}

}  // namespace

rates::LedgerFile load_ledger(const LedgerSpec& opts) {
    if (!opts.ledger_file.empty()) return rates::load_ledger_file(opts.ledger_file);
    const std::string name = "model/havering/" + opts.service + ".toml";
    try {
        return rates::load_ledger(embedded_text(name), "embedded:" + name);
    } catch (const std::out_of_range&) {
        std::string known;
        for (const EmbeddedFile& f : embedded_files())
            if (f.name.substr(0, 15) == "model/havering/") {
                std::string id(f.name.substr(15));
                known += (known.empty() ? "" : ", ") + id.substr(0, id.size() - 5);
            }
        bad_option("--service", "no shipped ledger for \"" + opts.service + "\" (shipped: " + known + "); use --ledger FILE");
    }
}

rates::LedgerFile load_forecast_inputs(const ForecastSpec& opts) {
    rates::LedgerFile in = load_ledger(opts.ledger);
    model::Assumptions& a = in.assumptions;
    a.years = opts.years;
    if (!opts.pay_award.empty()) a.pay_award = percentage("--pay-award", opts.pay_award);
    if (!opts.demand.empty()) a.demand = percentage("--demand", opts.demand);
    by_year("--pay-award-in", opts.pay_award_in, a.pay_award_by_year);
    by_year("--demand-in", opts.demand_in, a.demand_by_year);
    if (!opts.roll.empty() && !rates::parse_roll_rule(opts.roll, a))
        bad_option("--roll", "must be flat, trend or a percentage such as 1.5%, not \"" + opts.roll + "\"");
    if (!opts.rate.empty() && !rates::parse_rate_rule(opts.rate, a))
        bad_option("--rate-rule", "must be hold, pay, breakeven or a percentage such as 3%, not \"" + opts.rate + "\"");
    if (!opts.roll.empty() && a.roll == model::RollRule::percent)
        if (const auto why = model::percent_problem(a.roll_percent)) bad_option("--roll", *why);
    if (!opts.rate.empty() && a.rate == model::RateRule::percent)
        if (const auto why = model::percent_problem(a.rate_percent)) bad_option("--rate-rule", *why);
    if (!opts.claims_per_year.empty() || !opts.cost_per_claim.empty()) {
        if (!in.claims) in.claims = model::ClaimsModel{{}, {}, in.ledger.years.back().year};
        if (!opts.claims_per_year.empty()) in.claims->per_year = amount("--claims-per-year", opts.claims_per_year);
        if (!opts.cost_per_claim.empty()) in.claims->cost_per_claim = amount("--cost-per-claim", opts.cost_per_claim);
        if (in.claims->per_year.is_zero() || in.claims->cost_per_claim.is_zero())
            bad_option("--claims-per-year", "give both --claims-per-year and --cost-per-claim (the ledger has no [claims])");
    }
    return in;
}

report::ForecastReport run_forecast(const rates::LedgerFile& in, const ForecastSpec& opts) {
    report::ForecastReport r;
    r.service_name = in.ledger.name;
    r.assumptions = in.assumptions;
    try {
        r.projection = model::project(in.ledger, in.assumptions);
    } catch (const std::invalid_argument& e) {
        bad_option(opts.ledger.ledger_file.empty() ? "--service" : opts.ledger.ledger_file, e.what());
    }
    r.claims = in.claims;
    r.simulation = {opts.scenarios, opts.seed};
    if (in.claims) {
        const auto years = model::year_claims(r.projection, r.assumptions, *in.claims);
        r.outlook = model::summarise(r.projection, years, model::simulate_spend(years, r.simulation));
    }
    return r;
}

calc::Decimal proposal_rate(const rates::LedgerFile& in, const calc::Schedule& proposal, const calc::Census& census) {
    const calc::Service* service = proposal.find(in.ledger.service);
    if (!service || service->phases.empty()) return calc::Decimal(0);
    // The per-pupil rate the first voted phase pays (a budget-first service's, as its budget gives on this census).
    const auto rate = calc::effective_rate(census, *service, service->selected_option(), calc::Factor::AWPU, service->phases.front(),
                                          proposal.rounding);
    return rate ? rate->value : calc::Decimal(0);
}

report::ForecastReport forecast_at_rate(const rates::LedgerFile& in, const std::string& proposal_year, const calc::Decimal& rate,
                                        int scenarios, std::uint64_t seed) {
    rates::LedgerFile at = in;
    bool found = false;
    for (model::LedgerYear& y : at.ledger.years)
        if (y.year == proposal_year) {
            y.rate = calc::Rate{rate};
            found = true;
        }
    if (!found && !at.ledger.years.empty()) at.ledger.years.back().rate = calc::Rate{rate};
    at.assumptions.rate = model::RateRule::hold;
    ForecastSpec spec;
    spec.ledger.ledger_file = in.file;
    spec.years = at.assumptions.years;
    spec.scenarios = scenarios;
    spec.seed = seed;
    return run_forecast(at, spec);
}

void check_ledgers_against(const std::vector<rates::LedgerFile>& ledgers, const calc::Schedule& schedule) {
    std::vector<calc::Diagnostic> problems;
    for (const rates::LedgerFile& l : ledgers)
        if (!schedule.find(l.ledger.service)) {
            std::string known;
            for (const calc::Service& s : schedule.services) known += (known.empty() ? "" : ", ") + s.id;
            problems.push_back({l.file, l.service_line, "ledger.service",
                                "no service \"" + l.ledger.service + "\" in the " + schedule.year + " schedule (" + known + ")"});
        }
    if (!problems.empty()) throw calc::InputError(std::move(problems));
}

}  // namespace app
