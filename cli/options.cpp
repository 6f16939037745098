#include "cli/options.hpp"

#include "calc/decimal.hpp"
#include "calc/diagnostic.hpp"

namespace cli {

CLI::Validator input_path() {
    return CLI::Validator(
        [](std::string& path) { return path.empty() ? std::string("an empty path; give a file") : std::string(); }, "FILE");
}

void add_rates_option(CLI::App& cmd, app::InputSpec& opts) {
    cmd.add_option("--rates,-r", opts.rates, "Rate schedule (TOML). Default: the shipped Havering 2025-26 schedule")
        ->check(input_path());
}

void add_census_option(CLI::App& cmd, app::InputSpec& opts) {
    cmd.add_option("--census,-c", opts.census,
                   "Census of schools (CSV). Default: the shipped Havering sample (DfE January 2023 census, "
                   "calibrated to the paper's October 2023 bases)")
        ->check(input_path());
}

void add_choice_option(CLI::App& cmd, app::InputSpec& opts) {
    cmd.add_option("--option", opts.choices,
                   "Charge a service's alternative rates, e.g. --option trade-union=pay-rise (repeatable)");
}

void add_previous_option(CLI::App& cmd, app::InputSpec& opts) {
    opts.wants_previous = true;
    cmd.add_option("--previous,-p", opts.previous,
                   "Last year's schedule, shown beside each rate. Default: Havering 2024-25 when --rates is not given")
        ->check(input_path());
}

void add_ledger_options(CLI::App& cmd, app::LedgerSpec& opts) {
    cmd.add_option("--service,-s", opts.service, "A shipped ledger: maternity (Havering, section 4.3)")
        ->capture_default_str();
    cmd.add_option("--ledger", opts.ledger_file, "A ledger file (TOML) instead of a shipped one")->check(input_path());
}

void add_forecast_options(CLI::App& cmd, app::ForecastSpec& opts) {
    add_ledger_options(cmd, opts.ledger);
    cmd.add_option("--years,-y", opts.years, "Years to project after the ledger")->check(CLI::Range(1, 50))->capture_default_str();
    cmd.add_option("--pay-award", opts.pay_award, "Pay award a year, e.g. 5.5% (default: the ledger file's)");
    cmd.add_option("--pay-award-in", opts.pay_award_in, "A year's own pay award, e.g. 2027-28=3% (repeatable)");
    cmd.add_option("--demand", opts.demand, "Growth in demand (claims) a year, e.g. 2%");
    cmd.add_option("--demand-in", opts.demand_in, "A year's own demand growth, e.g. 2026-27=10% (repeatable)");
    cmd.add_option("--roll", opts.roll, "Pupils: flat, trend (least squares on the history) or a % a year");
    cmd.add_option("--rate-rule", opts.rate, "Rate: hold, pay (rise with the pay award), breakeven, or a % a year");
    cmd.add_option("--claims-per-year", opts.claims_per_year, "Mean claims a year, in the ledger's cost year");
    cmd.add_option("--cost-per-claim", opts.cost_per_claim, "Average cost of a claim, in the ledger's cost year");
    cmd.add_option("--scenarios", opts.scenarios, "Simulated scenarios")->check(CLI::Range(1, 10'000'000))->capture_default_str();
    cmd.add_option("--seed", opts.seed, "Random seed: the same seed gives the same scenarios")->capture_default_str();
}

void locating_ledger_overflow(const app::LedgerSpec& spec, const std::function<void()>& body) {
    try {
        body();
    } catch (const calc::DecimalOverflow& e) {
        const std::string file =
            spec.ledger_file.empty() ? "embedded:model/havering/" + spec.service + ".toml" : spec.ledger_file;
        throw calc::InputError({{file, 0, "", std::string("a figure of the ledger or its projection is too large: ") + e.what()}});
    }
}

}  // namespace cli
