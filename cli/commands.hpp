#pragma once
// Each subcommand: a setup function that adds it to the app and runs it.

#include <CLI/CLI.hpp>

namespace cli {

void setup_tables(CLI::App& app);
void setup_calc(CLI::App& app);
void setup_compare(CLI::App& app);
void setup_validate(CLI::App& app);
void setup_ledger(CLI::App& app);
void setup_forecast(CLI::App& app);
void setup_solve(CLI::App& app);
void setup_synth(CLI::App& app);
void setup_gui(CLI::App& app);
void setup_improvement(CLI::App& app);
void setup_paper(CLI::App& app);
void setup_check(CLI::App& app);
void setup_conversions(CLI::App& app);
void setup_apt(CLI::App& app);

}  // namespace cli
