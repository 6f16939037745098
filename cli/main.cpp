// dedeleg: de-delegation funding calculator. main only wires the subcommands
// and turns errors into exit codes: 0 ok, 1 usage, 2 invalid input.
#include "calc/decimal.hpp"
#include "calc/diagnostic.hpp"
#include "cli/commands.hpp"

#include <iostream>

int main(int argc, char** argv) {
    CLI::App app{
        "dedeleg: de-delegation and education-functions calculator for Schools Funding Forums.\n"
        "Turns a rate schedule (TOML) and a census of schools (CSV) into the Forum paper's tables and "
        "each maintained school's deduction, exactly (no binary floating point), rounding each school's "
        "charge once to the penny. Academies are never charged.\n"
        "Start with: dedeleg tables     (the shipped Havering 2025-26 example)",
        "dedeleg"};
    app.require_subcommand(1);
    app.fallthrough(false);
    cli::setup_tables(app);
    cli::setup_calc(app);
    cli::setup_compare(app);
    cli::setup_validate(app);
    cli::setup_ledger(app);
    cli::setup_forecast(app);
    cli::setup_solve(app);
    cli::setup_synth(app);
    cli::setup_gui(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 1;
    } catch (const calc::InputError& e) {
        for (const calc::Diagnostic& d : e.diagnostics) std::cerr << d.to_string() << '\n';
        return 2;
    } catch (const calc::DecimalOverflow& e) {
        std::cerr << "dedeleg: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "dedeleg: " << e.what() << '\n';
        return 2;
    }
    return 0;
}
