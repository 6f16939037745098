// dedeleg validate: check inputs only, with the same messages as every command.
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "calc/factor.hpp"

#include <iostream>
#include <memory>

namespace cli {

namespace {

struct ValidateOptions {
    app::InputSpec inputs;
};

void run_validate(const ValidateOptions& opts) {
    // Everything is checked before anything is called ok: a census can be fine
    // alone and still lack a count the schedule charges.
    std::optional<calc::Census> census;
    std::optional<calc::Schedule> schedule;
    if (!opts.inputs.census.empty()) census = app::load_census(opts.inputs.census);
    if (!opts.inputs.rates.empty()) schedule = app::load_rates(opts.inputs.rates, "");
    if (census && schedule) app::check_census_against(*census, *schedule);
    if (census) {
        std::size_t maintained = 0;
        for (const calc::School& s : census->schools) maintained += s.governance == calc::Governance::maintained;
        std::cout << opts.inputs.census << ": ok, " << census->schools.size() << " schools (" << maintained
                  << " maintained, " << census->schools.size() - maintained << " academies)\n";
    }
    if (schedule)
        std::cout << opts.inputs.rates << ": ok, " << schedule->authority << " " << schedule->year << ", "
                  << schedule->services.size() << " services\n";
    if (census && schedule) std::cout << "the census has every count the schedule charges and names only its services\n";
}

}  // namespace

void setup_validate(CLI::App& app) {
    auto opts = std::make_shared<ValidateOptions>();
    CLI::App* cmd = app.add_subcommand(
        "validate",
        "Check a census and/or a rate schedule without calculating. Problems are listed as "
        "file:line: column: what is wrong, and the exit code is 2.\n"
        "Example: dedeleg validate --census october-2024.csv --rates 2025-26.toml");
    add_census_option(*cmd, opts->inputs);
    add_rates_option(*cmd, opts->inputs);
    cmd->footer(calc::factor_reference());
    cmd->callback([opts, cmd] {
        if (opts->inputs.census.empty() && opts->inputs.rates.empty())
            throw CLI::RequiredError("validate needs --census and/or --rates");
        run_validate(*opts);
    });
}

}  // namespace cli
