// dedeleg ledger: a service's budget, spend and outturn by year.
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"

#include <memory>

namespace cli {

namespace {

struct LedgerCommandOptions {
    app::LedgerSpec ledger;
    std::string format = "md";
    Output out;
};

void run_ledger(const LedgerCommandOptions& opts) {
    const rates::LedgerFile in = app::load_ledger(opts.ledger);
    const auto rows = model::run_ledger(in.ledger);
    emit(opts.out, [&](std::ostream& out) {
        if (opts.format == "csv") report::write_ledger_csv(out, rows);
        else report::write_ledger_markdown(out, in.ledger.name, rows);
    });
}

}  // namespace

void setup_ledger(CLI::App& app) {
    auto opts = std::make_shared<LedgerCommandOptions>();
    CLI::App* cmd = app.add_subcommand(
        "ledger",
        "Show a service's ledger: budget (rate x pupils, to the pound), spend, outturn and the balance carried "
        "forward, one column per year.\n"
        "Example: dedeleg ledger --service maternity      (section 4.3 of the Havering paper)");
    add_ledger_options(*cmd, opts->ledger);
    cmd->add_option("--format,-f", opts->format, "md (default) or csv")->check(CLI::IsMember({"md", "csv"}));
    add_out_option(*cmd, opts->out, "Write to this file (atomically) instead of standard output");
    cmd->callback([opts] { locating_ledger_overflow(opts->ledger, [&] { run_ledger(*opts); }); });
}

}  // namespace cli
