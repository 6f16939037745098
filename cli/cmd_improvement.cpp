// dedeleg improvement: what core school improvement costs under a QA framework.
#include "app/improvement.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "report/improvement_report.hpp"

#include <memory>

namespace cli {

namespace {

struct ImprovementOptions {
    app::ImprovementSpec spec;
    std::string format = "md";
    Output out;
    Output chart;
};

void run_improvement(const ImprovementOptions& opts) {
    const app::ImprovementReport r = app::run_improvement(opts.spec);
    if (!opts.chart.path.empty()) emit(opts.chart, [&](std::ostream& out) { report::write_improvement_svg(out, r); });
    emit(opts.out, [&](std::ostream& out) {
        // --out FILE.csv is the per-school table whatever --format says of the report.
        const bool csv = opts.format == "csv" || (opts.out.path.size() > 4 && opts.out.path.substr(opts.out.path.size() - 4) == ".csv");
        if (csv) report::write_improvement_csv(out, r);
        else if (opts.format == "json") report::write_improvement_json(out, r);
        else report::write_improvement_markdown(out, r);
    });
}

}  // namespace

void setup_improvement(CLI::App& app) {
    auto opts = std::make_shared<ImprovementOptions>();
    CLI::App* cmd = app.add_subcommand(
        "improvement",
        "What core school improvement costs: each maintained school placed in an LA's quality-assurance framework "
        "from its latest Ofsted inspection (or the LA's own categories), its visits and meetings in days, their cost, "
        "and the rate per pupil (and per special-school place, at 3x) that would fund them, beside what the schedule's "
        "school-improvement service raises.\n"
        "Shipped frameworks: havering-2025 (default), havering-2011, hillingdon-2022, telford-wrekin-2024.\n"
        "Example: dedeleg improvement                                  (Havering 2025-26, real inspections)\n"
        "         dedeleg improvement --framework telford-wrekin-2024 --day-rate 600 --out schools.csv --chart cost.svg");
    cmd->add_option("--framework", opts->spec.framework, "A shipped framework or a framework file (TOML)")->capture_default_str();
    cmd->add_option("--inspections", opts->spec.inspections,
                    "Ofsted's latest inspections (CSV, data/ofsted/ columns). Default: Havering as at 31 August 2025")
        ->check(input_path());
    cmd->add_option("--categories", opts->spec.categories, "The LA's own categories: URN,Category[,Intervention yes/no]; they win")
        ->check(input_path());
    cmd->add_option("--year", opts->spec.year, "Academic year to place schools in (from 1 September)")->capture_default_str();
    cmd->add_option("--day-rate", opts->spec.day_rate, "Cost of an officer's day, e.g. 600 (default: the framework's, stated)");
    cmd->add_option("--rates,-r", opts->spec.rates, "Rate schedule (TOML). Default: Havering 2025-26")->check(input_path());
    cmd->add_option("--census,-c", opts->spec.census, "Census of schools (CSV). Default: the Havering sample")->check(input_path());
    cmd->add_option("--service", opts->spec.service, "The schedule's service that funds the work")->capture_default_str();
    cmd->add_option("--years,-y", opts->spec.years, "Years to project (1-20)")->capture_default_str();
    cmd->add_option("--intervention-chance", opts->spec.intervention_chance,
                    "Chance an inspection brings intervention the next year, e.g. 10% (default 0: deterministic)");
    cmd->add_flag("--simulate", opts->spec.simulate,
                  "With --intervention-chance: simulate entries into intervention (Poisson, the claims machinery) and show "
                  "the spread of each year's cost");
    cmd->add_option("--scenarios", opts->spec.scenarios, "With --simulate: scenarios")->capture_default_str();
    cmd->add_option("--seed", opts->spec.seed, "With --simulate: random seed (the same seed gives the same scenarios)")->capture_default_str();
    cmd->add_flag("--academies", opts->spec.academies, "Price academies too (shown apart; not in the rate)");
    cmd->add_option("--format,-f", opts->format, "md (default), csv (one row per school) or json")
        ->check(CLI::IsMember({"md", "csv", "json"}));
    add_out_option(*cmd, opts->out, "Write to this file (atomically); a .csv file gets the per-school table");
    cmd->add_option("--chart", opts->chart.path, "Also write the cost a year as an SVG chart");
    cmd->callback([opts] { run_improvement(*opts); });
}

}  // namespace cli
