#pragma once
// The command-line options every command shares, filling app/'s input specs.

#include "app/forecast.hpp"
#include "app/inputs.hpp"

#include <CLI/CLI.hpp>

#include <functional>

namespace cli {

/// An input file's option: any path but an empty one (an empty path would
/// mean "the shipped default" and show Havering's figures unasked). Whether
/// the file exists and can be read is the loader's to say, with the path
/// and exit code 2 like any other bad input.
CLI::Validator input_path();

void add_rates_option(CLI::App& cmd, app::InputSpec& spec);
void add_census_option(CLI::App& cmd, app::InputSpec& spec);
void add_choice_option(CLI::App& cmd, app::InputSpec& spec);
void add_previous_option(CLI::App& cmd, app::InputSpec& spec);

void add_ledger_options(CLI::App& cmd, app::LedgerSpec& spec);
void add_forecast_options(CLI::App& cmd, app::ForecastSpec& spec);

/// Runs `body`; a figure of the ledger or its projection too large for exact
/// arithmetic becomes a calc::InputError naming the ledger file (exit 2).
void locating_ledger_overflow(const app::LedgerSpec& spec, const std::function<void()>& body);

}  // namespace cli
