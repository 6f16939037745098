// dedeleg compare: what a new schedule costs each school.
#include "calc/compare.hpp"
#include "cli/commands.hpp"
#include "app/embedded.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "report/compare_report.hpp"

#include <memory>

namespace cli {

namespace {

struct CompareOptions {
    std::string from;
    std::string to;
    app::InputSpec inputs;  // census only
    Output out;
    std::string format;
};

void run_compare(const CompareOptions& opts) {
    const calc::Census census = app::load_census(opts.inputs.census);
    const calc::Schedule from = app::load_rates(opts.from, app::kDefaultPrevious);
    const calc::Schedule to = app::load_rates(opts.to, app::kDefaultRates);
    app::refuse_default_beside("--to", opts.to, "--from", opts.from);
    app::refuse_default_beside("--from", opts.from, "--to", opts.to);
    app::refuse_default_beside("--census", opts.inputs.census, "--to", opts.to);
    app::check_census_against(census, to, &from);
    const calc::Calculation before = calc::calculate(census, from);
    const calc::Calculation after = calc::calculate(census, to);
    const calc::Comparison cmp = calc::compare(census, from, before, to, after);
    const bool csv = opts.format == "csv" || (opts.format.empty() && opts.out.path.size() > 4 &&
                                               opts.out.path.substr(opts.out.path.size() - 4) == ".csv");
    emit(opts.out, [&](std::ostream& out) {
        if (csv) report::write_compare_csv(out, census, cmp);
        else report::write_compare_markdown(out, census, from, to, cmp);
    });
}

}  // namespace

void setup_compare(CLI::App& app) {
    auto opts = std::make_shared<CompareOptions>();
    CLI::App* cmd = app.add_subcommand(
        "compare",
        "Show each school's charge under two schedules and the change: what does this cost my school? "
        "Default: the shipped Havering 2024-25 -> 2025-26.\n"
        "Example: dedeleg compare --from 2024-25.toml --to proposal.toml --census oct-2024.csv --out change.csv");
    cmd->add_option("--from", opts->from, "The schedule schools pay now (TOML); give --to and --census with it")
        ->check(input_path());
    cmd->add_option("--to", opts->to, "The proposed schedule (TOML); give --from and --census with it")->check(input_path());
    add_census_option(*cmd, opts->inputs);
    add_out_option(*cmd, opts->out, "Write to this file (atomically); CSV when it ends in .csv");
    cmd->add_option("--format,-f", opts->format, "md or csv (default: csv for a .csv --out, else md)")
        ->check(CLI::IsMember({"md", "csv"}));
    cmd->callback([opts] { run_compare(*opts); });
}

}  // namespace cli
