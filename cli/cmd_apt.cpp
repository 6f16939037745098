// dedeleg apt: the APT's New ISB columns per school, tied out to the paper.
#include "app/apt.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "report/apt_report.hpp"

#include <memory>

namespace cli {

namespace {

struct AptOptions {
    app::AptSpec spec;
    std::string format = "md";
    Output out;
};

void run(const AptOptions& opts) {
    const app::AptRun r = app::run_apt(opts.spec);
    emit(opts.out, [&](std::ostream& out) {
        if (opts.format == "csv") report::write_apt_csv(out, r.in.census, r.tie_out);
        else report::write_apt_markdown(out, r.in.census, r.in.schedule, r.tie_out);
    });
}

}  // namespace

void setup_apt(CLI::App& app) {
    auto opts = std::make_shared<AptOptions>();
    CLI::App* cmd = app.add_subcommand(
        "apt",
        "The DfE Authority Proforma Tool's New ISB columns for each school: Post MFG budget, De-delegation (negative), "
        "Post de-delegation budget, Education functions (negative), Post de-delegation and education functions budget, "
        "with totals and their reconciliation with the paper's tables (the De-delegation column adds to minus the "
        "de-delegated services' per-school pennies).\n"
        "The budgets file is CSV with a header: URN,PostMFGBudget (and optionally School), in pounds and pence; every "
        "school charged anything must have a row.\n"
        "  URN,PostMFGBudget\n  102268,\"£1,712,345.67\"\n"
        "Example: dedeleg apt --budgets budgets-2025-26.csv --format csv --out apt-new-isb.csv");
    add_rates_option(*cmd, opts->spec.inputs);
    add_census_option(*cmd, opts->spec.inputs);
    add_choice_option(*cmd, opts->spec.inputs);
    cmd->add_option("--budgets", opts->spec.budgets, "Each school's post-MFG budget share (CSV: URN,PostMFGBudget)")
        ->required()
        ->check(input_path());
    cmd->add_option("--format,-f", opts->format, "md (Markdown, default) or csv")->check(CLI::IsMember({"md", "csv"}));
    add_out_option(*cmd, opts->out, "Write to this file (atomically) instead of standard output");
    cmd->callback([opts] { run(*opts); });
}

}  // namespace cli
