// dedeleg check: a published paper's figures against the engine's.
#include "app/check.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"

#include <memory>

namespace cli {

namespace {

struct CheckOptions {
    std::string published;
    std::string format = "md";
    Output out;
};

void run_check(const CheckOptions& opts) {
    const report::CheckReport report = app::check_published(opts.published);
    emit(opts.out, [&](std::ostream& out) {
        if (opts.format == "json") report::write_check_json(out, report);
        else report::write_check_markdown(out, report);
    });
    if (!report.all_reconcile()) throw CLI::RuntimeError(1);  // the report is written; exit 1 says something is flagged
}

}  // namespace

void setup_check(CLI::App& app) {
    auto opts = std::make_shared<CheckOptions>();
    CLI::App* cmd = app.add_subcommand(
        "check",
        "Check a published paper's figures against the engine. A figures file (TOML) lists each figure the paper "
        "prints, how it is printed and what it claims to be; check computes each one from the inputs the file "
        "names and compares it at the printed precision, listing what does not reconcile with the computed figure "
        "and the difference, the services charged that the introduction does not name, and services charged on "
        "different pupils because of exemptions the paper does not state.\n"
        "Exit code: 0 everything reconciles, 1 something is flagged, 2 the figures file or an input is bad.\n"
        "Example: dedeleg check --published rates/havering/published-2025-26.toml   (Havering's 2025-26 consultation)");
    cmd->add_option("--published", opts->published, "The figures file (TOML)")->required()->check(input_path());
    cmd->add_option("--format,-f", opts->format, "md (Markdown, default) or json")->check(CLI::IsMember({"md", "json"}));
    add_out_option(*cmd, opts->out, "Write to this file (atomically) instead of standard output");
    cmd->footer(
        "A figures file:\n"
        "  [paper]\n"
        "  title = \"Consultation ... 2025-26\"\n"
        "  introduction = [\"insurance\", \"maternity\"]   # the services its introduction names (optional)\n"
        "  exemptions = []                               # services it says some schools are exempt from\n"
        "  [inputs]\n"
        "  shipped = \"havering\"          # or: census = \"oct-2024.csv\", rates = \"2025-26.toml\",\n"
        "                                # previous = \"2024-25.toml\", ledgers = [\"maternity.toml\"] (relative to this file)\n"
        "  [[figure]]\n"
        "  where = \"4.1, line 203\"       # the paper's section and line\n"
        "  what = \"total\"                # rate, total, pupils, cut, change, rise, ledger or range\n"
        "  service = \"insurance\"\n"
        "  printed = \"£363,000\"\n"
        "  to = \"£1,000\"                 # the precision printed, when coarser than its digits show\n"
        "Keys by what: rate/total/pupils: service, option, year, phase, factor; cut: service, option, phase, factor "
        "(last year's total less this year's); change: service, option, phase, factor, of = rate|total; rise: "
        "service, option, phase, factor, round (last year's rate raised by the printed % gives this year's); "
        "ledger: service, year, row = budget|spend|outturn|balance|rate|pupils; range: service, option, "
        "statistic = lowest|median|highest|mean.");
    cmd->callback([opts] { run_check(*opts); });
}

}  // namespace cli
