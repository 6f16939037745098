#pragma once
// The command-line options every command shares, filling app/'s input specs.

#include "app/forecast.hpp"
#include "app/inputs.hpp"

#include <CLI/CLI.hpp>

#include <functional>

namespace cli {

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
