// dedeleg solve: the rate a rule gives, to the penny.
#include "app/improvement.hpp"
#include "calc/diagnostic.hpp"
#include "calc/money_format.hpp"
#include "calc/number_text.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "model/breakeven.hpp"
#include "model/rate_rules.hpp"
#include "report/improvement_report.hpp"

#include <cstdio>
#include <iostream>
#include <memory>

namespace cli {

namespace {

struct SolveOptions {
    std::string uplift, target, base, multiple, rate, year, max_shortfall;
    bool breakeven = false;
    std::string round = "up";
    int places = 2;
    app::ForecastSpec forecast;
    std::string framework;            ///< the rule: a framework's cost as the target
    app::ImprovementSpec improvement;  ///< its inputs (day rate, inspections, categories, census, schedule)
    bool schools_only = false;        ///< leave out the framework's fixed work
};

calc::NumberText number(const std::string& option, const std::string& text) {
    try {
        return calc::parse_number(text);
    } catch (const calc::InvalidNumber& e) {
        throw calc::InputError({{option, 0, "", e.what()}});
    }
}

[[noreturn]] void usage(const std::string& message) { throw CLI::ValidationError("solve", message); }

std::string exact(const calc::Decimal& d) { return calc::format_pounds_exact(d); }
std::string mode_words(calc::RoundingMode m, int places) {
    return "rounded " + std::string(calc::name_of(m)) + (places == 2 ? " to the penny" : " to " + std::to_string(places) + " places");
}

void solve_breakeven(const SolveOptions& opts) {
    if (opts.year.empty()) usage("--breakeven needs --year, e.g. --year 2025-26");
    const rates::LedgerFile in = app::load_forecast_inputs(opts.forecast);
    const report::ForecastReport r = app::run_forecast(in, opts.forecast);
    const model::LedgerRow* row = nullptr;
    std::size_t projected_index = 0;
    for (const auto& h : r.projection.history)
        if (h.input.year == opts.year) row = &h;
    for (std::size_t i = 0; i < r.projection.projected.size(); ++i)
        if (r.projection.projected[i].input.year == opts.year) row = &r.projection.projected[projected_index = i];
    if (!row) throw calc::InputError({{"--year", 0, "", "no year " + opts.year + " in the ledger or its projection"}});
    const long long pupils = row->input.pupils;

    if (opts.max_shortfall.empty()) {
        const calc::Decimal rate = model::breakeven_rate(row->input.spend, pupils);
        std::cout << "Break-even rate for " << opts.year << ": spend " << calc::format_pounds(row->input.spend, 0)
                  << " ÷ " << calc::format_count(calc::Decimal(pupils)) << " pupils = "
                  << model::quotient_text(row->input.spend, calc::Decimal(pupils)) << " → " << exact(rate) << " (rounded up to the penny)\n";
        return;
    }
    const calc::NumberText p = number("--max-shortfall", opts.max_shortfall);
    if (!p.percent) throw calc::InputError({{"--max-shortfall", 0, "", "write a percentage such as 10%"}});
    if (!in.claims) throw calc::InputError({{"--max-shortfall", 0, "", "the ledger has no [claims] model to simulate"}});
    if (row == nullptr || projected_index >= r.projection.projected.size() || &r.projection.projected[projected_index] != row)
        throw calc::InputError({{"--year", 0, "", opts.year + " is not a projected year; the risk rule needs one"}});
    const auto years = model::year_claims(r.projection, r.assumptions, *in.claims);
    const Eigen::ArrayXXd spend = model::simulate_spend(years, r.simulation);
    const double target = std::stod(p.value.to_string());
    const calc::Decimal rate = model::breakeven_rate_for_risk(spend.col(static_cast<Eigen::Index>(projected_index)), pupils, target);
    char risk[32];
    std::snprintf(risk, sizeof risk, "%.2f%%",
                  100.0 * model::shortfall_probability(spend.col(static_cast<Eigen::Index>(projected_index)), rate, pupils));
    std::cout << "Lowest rate for " << opts.year << " with a shortfall in at most " << opts.max_shortfall << " of "
              << calc::format_count(calc::Decimal(r.simulation.scenarios)) << " scenarios (seed " << r.simulation.seed << "): " << exact(rate) << " × "
              << calc::format_count(calc::Decimal(pupils)) << " pupils; shortfall in " << risk << " of scenarios\n";
}

// The rate that funds a QA framework's work: its cost ÷ the charged base
// (pupils + 3 × special-school places, the paper's place rule).
void solve_framework(const SolveOptions& opts, calc::RoundingMode mode) {
    app::ImprovementSpec spec = opts.improvement;
    spec.framework = opts.framework;
    spec.years = 1;
    if (!opts.year.empty()) spec.year = opts.year;
    const app::ImprovementReport r = app::run_improvement(spec);
    const model::ImprovementYear& y = r.years.front();
    if (r.base.sign() <= 0) throw calc::InputError({{"--census", 0, "", "no charged pupils or special-school places to spread the cost over"}});
    const model::FinancialYearCost& fy = opts.schools_only ? r.fy_schools : r.fy_total;
    const calc::Decimal target = fy.cost;
    const calc::Decimal rate = model::rate_for_target(target, r.base, mode, opts.places);
    const calc::Decimal place = model::multiple_of(rate, calc::Decimal(3), mode, opts.places);
    auto year_cost = [&](const model::ImprovementYear& x) {
        std::cout << model::academic_year_label(x.academic_year) << ": the schools' work " << calc::format_pounds(x.school_cost, 2);
        if (opts.schools_only) std::cout << " (fixed work " << calc::format_pounds(x.fixed_cost, 2) << " left out)\n";
        else std::cout << " + fixed work " << calc::format_pounds(x.fixed_cost, 2) << " = " << calc::format_pounds(x.school_cost + x.fixed_cost, 2) << "\n";
    };
    std::cout << r.framework.id << " at " << calc::format_pounds(r.framework.day_rate, 2) << " a day, by academic year:\n";
    if (r.earlier_year) year_cost(*r.earlier_year);
    year_cost(y);
    std::cout << report::financial_year_basis(fy.financial_year) << ":\n" << report::financial_year_working(fy) << "\n";
    if (const std::string note = report::earlier_year_note(r); !note.empty()) std::cout << note << "\n";
    std::cout << calc::format_pounds(target, 2) << " ÷ " << calc::format_count(r.base) << " (" << calc::format_count(calc::Decimal(r.pupils))
              << " pupils + 3 × " << calc::format_count(r.places) << " places) = " << model::quotient_text(target, r.base, opts.places + 2)
              << " → " << calc::format_pounds(rate, opts.places) << " per pupil (" << mode_words(mode, opts.places) << "); a place at 3 × "
              << calc::format_pounds(rate, opts.places) << " = " << calc::format_pounds(place, opts.places) << "\n";
    if (r.service) {
        std::cout << "The schedule's " << r.service->name;
        if (r.service->pupil_rate) std::cout << " at " << calc::format_rate(*r.service->pupil_rate) << " per pupil";
        if (r.service->place_rate) std::cout << " and " << calc::format_rate(*r.service->place_rate) << " per place";
        std::cout << " raises " << calc::format_pounds(r.service->raised, 2) << "\n";
    }
}

void run_solve(const SolveOptions& opts) {
    const int rules = !opts.uplift.empty() + !opts.target.empty() + !opts.multiple.empty() + opts.breakeven + !opts.framework.empty();
    if (rules != 1) usage("give exactly one of --uplift, --target, --multiple, --breakeven or --framework");
    const auto mode = calc::rounding_mode_from_name(opts.round);
    if (!mode) usage("--round must be one of " + std::string(calc::rounding_mode_names()));
    if (opts.breakeven) return solve_breakeven(opts);
    if (opts.places < 2 || opts.places > calc::kMaxRatePlaces) usage("--places must be 2, 3 or 4");
    if (!opts.framework.empty()) return solve_framework(opts, *mode);

    if (!opts.target.empty()) {
        if (opts.base.empty()) usage("--target needs --base (the pupils or places it is spread over)");
        const calc::Decimal target = number("--target", opts.target).value;
        const calc::Decimal base = number("--base", opts.base).value;
        if (base.sign() <= 0) throw calc::InputError({{"--base", 0, "", "must be above zero"}});
        const calc::Decimal rate = model::rate_for_target(target, base, *mode, opts.places);
        std::cout << exact(target) << " ÷ " << calc::format_count(base) << " = " << model::quotient_text(target, base, opts.places + 2) << " → " << calc::format_pounds(rate, opts.places)
                  << " (" << mode_words(*mode, opts.places) << ")\n";
        return;
    }
    if (opts.rate.empty()) usage("--uplift and --multiple need --rate (the rate to start from)");
    const calc::Decimal rate = number("--rate", opts.rate).value;
    if (!opts.uplift.empty()) {
        const calc::NumberText pct = number("--uplift", opts.uplift);
        if (!pct.percent) throw calc::InputError({{"--uplift", 0, "", "write a percentage such as 5.5%"}});
        const calc::Decimal raw = model::uplift_exact(rate, pct.value);
        std::cout << exact(rate) << " × (1 + " << opts.uplift << ") = " << exact(raw) << " → "
                  << calc::format_pounds(model::uplift(rate, pct.value, *mode, opts.places), opts.places) << " (" << mode_words(*mode, opts.places) << ")\n";
        return;
    }
    const calc::Decimal k = number("--multiple", opts.multiple).value;
    std::cout << k.to_string() << " × " << exact(rate) << " = " << exact(rate * k) << " → "
              << calc::format_pounds(model::multiple_of(rate, k, *mode, opts.places), opts.places) << " (" << mode_words(*mode, opts.places) << ")\n";
}

}  // namespace

void setup_solve(CLI::App& app) {
    auto opts = std::make_shared<SolveOptions>();
    CLI::App* cmd = app.add_subcommand(
        "solve",
        "Find a rate by a rule, to the penny (rounded up unless --round says otherwise):\n"
        "  dedeleg solve --uplift 5.5% --rate 2.80                 # £2.96\n"
        "  dedeleg solve --target 58300.80 --base 17280            # £3.38\n"
        "  dedeleg solve --multiple 3 --rate 3.38                  # £10.14 (special-school place)\n"
        "  dedeleg solve --uplift 5% --rate 10.551 --places 3 --round half_up   # £11.079\n"
        "  dedeleg solve --breakeven --service maternity --year 2025-26          # £41.08\n"
        "  dedeleg solve --breakeven --service maternity --year 2027-28 --max-shortfall 10%\n"
        "  dedeleg solve --framework havering-2025                 # £2.27 (the QA cycle's cost ÷ pupils + 3 × places)\n"
        "Example: dedeleg solve --uplift 5.5% --rate 2.80");
    cmd->add_option("--uplift", opts->uplift, "Raise --rate by this percentage, e.g. 5.5%");
    cmd->add_option("--target", opts->target, "Raise this total, e.g. 58300.80, over --base pupils or places");
    cmd->add_option("--base", opts->base, "Pupils or places a --target is spread over");
    cmd->add_option("--multiple", opts->multiple, "This many times --rate, e.g. 3");
    cmd->add_option("--rate", opts->rate, "The rate to start from, e.g. 2.80");
    cmd->add_flag("--breakeven", opts->breakeven, "The rate at which a ledger's spend is covered in --year");
    cmd->add_option("--year", opts->year,
                    "With --breakeven: the year, e.g. 2025-26 (history or projection); with --framework: the academic year "
                    "(default 2025-26)");
    cmd->add_option("--framework", opts->framework,
                    "Target: what a QA framework's work costs (a shipped framework, e.g. havering-2025, or a file), spread "
                    "over the pupils and 3 × the special-school places the schedule's school-improvement service charges");
    cmd->add_option("--day-rate", opts->improvement.day_rate, "With --framework: the cost of an officer's day (default: the framework's)");
    cmd->add_option("--inspections", opts->improvement.inspections, "With --framework: Ofsted's latest inspections (CSV)")
        ->check(input_path());
    cmd->add_option("--categories", opts->improvement.categories, "With --framework: the LA's own categories (URN,Category[,Intervention])")
        ->check(input_path());
    cmd->add_option("--census,-c", opts->improvement.census, "With --framework: census of schools (default: the Havering sample)")
        ->check(input_path());
    cmd->add_option("--rates,-r", opts->improvement.rates, "With --framework: the schedule (default: Havering 2025-26)")
        ->check(input_path());
    cmd->add_flag("--schools-only", opts->schools_only, "With --framework: leave out the fixed work (e.g. the Schools' Monitoring Group)");
    cmd->add_option("--max-shortfall", opts->max_shortfall,
                    "With --breakeven: the lowest rate whose simulated shortfall chance is at most this, e.g. 10%");
    cmd->add_option("--places", opts->places, "Round the rate to 2 (the penny), 3 or 4 decimal places, e.g. --places 3")
        ->capture_default_str();
    cmd->add_option("--round", opts->round, "Rounding to the penny: up (default), half_up, half_even, down, ...")
        ->capture_default_str();
    add_forecast_options(*cmd, opts->forecast);
    cmd->callback([opts] {
        locating_ledger_overflow(opts->forecast.ledger, [&] {
            if (opts->breakeven) return run_solve(*opts);
            try {
                run_solve(*opts);
            } catch (const calc::DecimalOverflow& e) {
                throw calc::InputError({{"solve", 0, "", std::string("the figures given are too large: ") + e.what()}});
            }
        });
    });
}

}  // namespace cli
