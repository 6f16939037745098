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
    std::optional<calc::Schedule> previous;
    if (!opts.inputs.census.empty()) census = app::load_census(opts.inputs.census);
    if (!opts.inputs.rates.empty()) schedule = app::load_rates(opts.inputs.rates, "");
    if (!opts.inputs.previous.empty()) previous = app::load_rates(opts.inputs.previous, "");
    if (schedule) app::apply_choices(*schedule, opts.inputs.choices);
    // The same rule as the run being checked: tables and paper with --previous, compare's pair.
    if (census && schedule) app::check_census_against(*census, *schedule, previous ? &*previous : nullptr);
    if (census) {
        std::size_t maintained = 0;
        for (const calc::School& s : census->schools) maintained += s.governance == calc::Governance::maintained;
        std::cout << opts.inputs.census << ": ok, " << census->schools.size() << " schools (" << maintained
                  << " maintained, " << census->schools.size() - maintained << " academies)\n";
    }
    if (previous)
        std::cout << opts.inputs.previous << ": ok, " << previous->authority << " " << previous->year << ", "
                  << previous->services.size() << " services\n";
    if (schedule)
        std::cout << opts.inputs.rates << ": ok, " << schedule->authority << " " << schedule->year << ", "
                  << schedule->services.size() << " services\n";
    if (census && schedule)
        std::cout << "the census has every count " << (previous ? "either schedule charges and names only their services\n"
                                                              : "the schedule charges and names only its services\n");
}

}  // namespace

void setup_validate(CLI::App& app) {
    auto opts = std::make_shared<ValidateOptions>();
    CLI::App* cmd = app.add_subcommand(
        "validate",
        "Check a census and/or a rate schedule without calculating. Problems are listed as "
        "file:line: column: what is wrong, and the exit code is 2.\n"
        "Example: dedeleg validate --census october-2024.csv --rates 2025-26.toml --previous 2024-25.toml");
    add_census_option(*cmd, opts->inputs);
    add_rates_option(*cmd, opts->inputs);
    cmd->add_option("--previous,-p", opts->inputs.previous,
                    "Last year's schedule, as tables and paper take it: the census is checked against both (an "
                    "exemption may name a service of either)")
        ->check(input_path());
    add_choice_option(*cmd, opts->inputs);
    cmd->footer(calc::factor_reference());
    cmd->callback([opts, cmd] {
        if (opts->inputs.census.empty() && opts->inputs.rates.empty())
            throw CLI::RequiredError("validate needs --census and/or --rates");
        if (!opts->inputs.previous.empty() && opts->inputs.rates.empty())
            throw CLI::RequiredError("validate --previous checks last year's schedule beside --rates; give --rates too");
        run_validate(*opts);
    });
}

}  // namespace cli
