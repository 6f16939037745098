// dedeleg calc: every school's deduction, as CSV.
#include "calc/money_format.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "report/per_school_csv.hpp"

#include <iostream>
#include <memory>

namespace cli {

namespace {

struct CalcOptions {
    app::InputSpec inputs;
    Output out;
    std::string layout = "wide";
};

void run_calc(const CalcOptions& opts) {
    const app::Inputs in = app::load_inputs(opts.inputs);
    const calc::Calculation result = calc::calculate(in.census, in.schedule);
    emit(opts.out, [&](std::ostream& out) {
        if (opts.layout == "long") report::write_long_csv(out, in.census, in.schedule, result);
        else report::write_wide_csv(out, in.census, in.schedule, result);
    });
    std::cerr << (opts.out.path.empty() ? "" : "wrote " + opts.out.path + ": ") << "schools are charged "
              << calc::format_pounds(result.sum_of_rounded.value, 2) << " in all (each school's charge "
              << calc::rounded_words(in.schedule.rounding) << "); exact total "
              << calc::format_pounds_exact(result.exact_total.value) << "; difference "
              << calc::format_pounds_exact(result.rounding_difference().value) << "\n";
}

}  // namespace

void setup_calc(CLI::App& app) {
    auto opts = std::make_shared<CalcOptions>();
    CLI::App* cmd = app.add_subcommand(
        "calc",
        "Write each school's deduction as CSV. Wide: URN,LAESTAB,School,Phase,<service ids>,Total with a "
        "final TOTAL row. Long: URN,School,Service,Factor,Count,Rate,Amount with the exact rate x count per "
        "factor and a ROUNDED row per school and service.\n"
        "Example: dedeleg calc --rates rates/havering/2025-26.toml --census census/samples/havering-2023.csv "
        "--out deductions.csv");
    add_rates_option(*cmd, opts->inputs);
    add_census_option(*cmd, opts->inputs);
    add_choice_option(*cmd, opts->inputs);
    add_out_option(*cmd, opts->out, "CSV file to write (atomically). Default: standard output");
    cmd->add_option("--layout,-l", opts->layout, "wide (default: one row per school) or long (one row per factor)")
        ->check(CLI::IsMember({"wide", "long"}));
    cmd->callback([opts] { run_calc(*opts); });
}

}  // namespace cli
