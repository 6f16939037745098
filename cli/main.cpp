// dedeleg: de-delegation funding calculator. main only wires the subcommands
// and leaves errors to app::run_mapping_errors: 0 ok, 1 usage, 2 invalid input, 70 a bug.
#include "app/exit_codes.hpp"
#include "cli/commands.hpp"
#include "io/atomic_write.hpp"

#include <iostream>

int main(int argc, char** argv) {
    CLI::App cli_app{
        "dedeleg: de-delegation and education-functions calculator for Schools Funding Forums.\n"
        "Turns a rate schedule (TOML) and a census of schools (CSV) into the Forum paper's tables and "
        "each maintained school's deduction, exactly (no binary floating point), rounding each school's "
        "charge once to the penny. Academies are never charged.\n"
        "Start with: dedeleg tables     (the shipped Havering 2025-26 example)",
        "dedeleg"};
    cli_app.require_subcommand(1);
    cli_app.fallthrough(false);
    cli::setup_tables(cli_app);
    cli::setup_paper(cli_app);
    cli::setup_check(cli_app);
    cli::setup_calc(cli_app);
    cli::setup_compare(cli_app);
    cli::setup_validate(cli_app);
    cli::setup_ledger(cli_app);
    cli::setup_forecast(cli_app);
    cli::setup_solve(cli_app);
    cli::setup_improvement(cli_app);
    cli::setup_synth(cli_app);
    cli::setup_gui(cli_app);
    cli::setup_conversions(cli_app);
    cli::setup_apt(cli_app);

    return app::run_mapping_errors("dedeleg", [&] {
        try {
            cli_app.parse(argc, argv);
        } catch (const CLI::ParseError& e) {
            const int code = cli_app.exit(e);
            if (code == 0) io::finish_stdout();  // --help to a full disk is an error too
            return code == 0 ? app::ok : app::usage;
        }
        io::finish_stdout();  // a full disk or a closed stdout is an error, never a silent success
        return app::ok;
    }, std::cerr);
}
