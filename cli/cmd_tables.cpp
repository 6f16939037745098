// dedeleg tables: the Forum paper's tables.
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "report/tables_report.hpp"

#include <memory>

namespace cli {

namespace {

struct TablesOptions {
    app::InputSpec inputs;
    std::string format = "md";
    Output out;
};

void run_tables(const TablesOptions& opts) {
    const app::Inputs in = app::load_inputs(opts.inputs);
    const report::TablesReport report(in.census, in.schedule, in.previous ? &*in.previous : nullptr);
    emit(opts.out, [&](std::ostream& out) {
        if (opts.format == "csv") report::write_tables_csv(out, report);
        else if (opts.format == "json") report::write_tables_json(out, report);
        else report::write_tables_markdown(out, report);
    });
}

}  // namespace

void setup_tables(CLI::App& app) {
    auto opts = std::make_shared<TablesOptions>();
    CLI::App* cmd = app.add_subcommand(
        "tables",
        "Print the Forum paper's tables: per service, each formula factor's rate and total (exact and as "
        "presented), last year's rate, the per-school range and a summary. With no options it runs on the "
        "shipped Havering 2025-26 schedule and sample census.\n"
        "Example: dedeleg tables --rates my-2025-26.toml --census october-2024.csv --previous 2024-25.toml");
    add_rates_option(*cmd, opts->inputs);
    add_census_option(*cmd, opts->inputs);
    add_previous_option(*cmd, opts->inputs);
    add_choice_option(*cmd, opts->inputs);
    cmd->add_option("--format,-f", opts->format, "md (Markdown, default), csv or json")
        ->check(CLI::IsMember({"md", "csv", "json"}));
    add_out_option(*cmd, opts->out, "Write to this file (atomically) instead of standard output");
    cmd->callback([opts] { run_tables(*opts); });
}

}  // namespace cli
