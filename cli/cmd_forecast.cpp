// dedeleg forecast: project a ledger forward, with the risk of a shortfall.
#include "calc/diagnostic.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "io/atomic_write.hpp"
#include "report/forecast_chart.hpp"

#include <filesystem>

#include <memory>

namespace cli {

namespace {

struct ForecastCommandOptions {
    app::ForecastSpec forecast;
    std::string format = "md";
    Output out;
    std::string chart;
};

void run_forecast_command(const ForecastCommandOptions& opts) {
    const rates::LedgerFile in = app::load_forecast_inputs(opts.forecast);
    const report::ForecastReport r = app::run_forecast(in, opts.forecast);
    if (!opts.chart.empty() && !opts.out.path.empty() &&
        std::filesystem::weakly_canonical(io::resolve_output_path(opts.chart)) ==
            std::filesystem::weakly_canonical(io::resolve_output_path(opts.out.path)))
        throw calc::InputError({{opts.out.path, 0, "", "is also the --chart file; give each its own name"}});
    if (!opts.chart.empty()) emit({opts.chart, opts.out.force}, [&](std::ostream& out) { report::write_forecast_svg(out, r); });
    emit(opts.out, [&](std::ostream& out) {
        if (opts.format == "csv") report::write_forecast_csv(out, r);
        else if (opts.format == "json") report::write_forecast_json(out, r);
        else report::write_forecast_markdown(out, r);
    });
}

}  // namespace

void setup_forecast(CLI::App& app) {
    auto opts = std::make_shared<ForecastCommandOptions>();
    CLI::App* cmd = app.add_subcommand(
        "forecast",
        "Extend a service's ledger: spend grows by the pay award and demand, pupils by the roll rule, the rate by "
        "the rate rule; then simulate claims (Poisson) to show the spread of outturns and the chance of a "
        "shortfall each year. Defaults come from the ledger file's [assumptions] and [claims].\n"
        "Example: dedeleg forecast --service maternity --years 5 --pay-award 4% --rate-rule pay --chart maternity.svg");
    add_forecast_options(*cmd, opts->forecast);
    cmd->add_option("--format,-f", opts->format, "md (default), csv or json")->check(CLI::IsMember({"md", "csv", "json"}));
    add_out_option(*cmd, opts->out, "Write to this file (atomically) instead of standard output");
    cmd->add_option("--chart", opts->chart, "Also draw the forecast as an SVG chart to this file");
    cmd->callback([opts] { locating_ledger_overflow(opts->forecast.ledger, [&] { run_forecast_command(*opts); }); });
}

}  // namespace cli
