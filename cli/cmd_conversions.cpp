// dedeleg conversions: schools that become academies during the year.
#include "app/conversions.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "report/conversions_report.hpp"

#include <memory>

namespace cli {

namespace {

struct ConversionsOptions {
    app::ConversionsSpec spec;
    std::string format = "md";
    Output out;
};

void run(const ConversionsOptions& opts) {
    const app::ConversionsRun r = app::run_conversions(opts.spec);
    emit(opts.out, [&](std::ostream& out) {
        if (opts.format == "csv") report::write_conversions_csv(out, r.in.census, r.in.schedule, r.result);
        else report::write_conversions_markdown(out, r.in.census, r.in.schedule, r.result, r.ledgers);
    });
}

}  // namespace

void setup_conversions(CLI::App& app) {
    auto opts = std::make_shared<ConversionsOptions>();
    CLI::App* cmd = app.add_subcommand(
        "conversions",
        "Schools that become academies during the financial year: each one's de-delegation for the year under the LA's "
        "policy, per school, per service and in total.\n"
        "  --policy kept    the LA keeps it to 31 March (nothing refunded); the ESFA academy share is shown beside it: "
        "the academy's days open from 1 September to 31 March / the year's days (the ESFA rule's (days open - 153)/365, "
        "153 being 1 April to 31 August, for an academy open all year)\n"
        "  --policy refund  the LA refunds the days from the conversion date to 31 March: charge x days as an academy / "
        "the year's days, rounded half up to the penny once per school per service\n"
        "The conversions file is CSV with a header: URN,Date (and optionally School), a date as 2025-12-01, the first "
        "day as an academy, inside the schedule's financial year; each school maintained and charged de-delegation.\n"
        "  URN,Date\n  102268,2025-12-01\n"
        "Example: dedeleg conversions --conversions tests/data/conversions-havering.csv --policy refund "
        "--ledger model/havering/maternity.toml");
    add_rates_option(*cmd, opts->spec.inputs);
    add_census_option(*cmd, opts->spec.inputs);
    add_choice_option(*cmd, opts->spec.inputs);
    cmd->add_option("--conversions", opts->spec.conversions, "Converting schools (CSV: URN,Date)")->required()->check(input_path());
    cmd->add_option("--policy", opts->spec.policy, "The LA's stated policy: kept or refund")
        ->required()
        ->check(CLI::IsMember({"kept", "refund"}));
    cmd->add_option("--ledger", opts->spec.ledgers,
                    "A de-delegated service's ledger (TOML; repeatable): its year's budget, outturn and balance after the refunds")
        ->check(input_path());
    cmd->add_option("--format,-f", opts->format, "md (Markdown, default) or csv")->check(CLI::IsMember({"md", "csv"}));
    add_out_option(*cmd, opts->out, "Write to this file (atomically) instead of standard output");
    cmd->callback([opts] { run(*opts); });
}

}  // namespace cli
