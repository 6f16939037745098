#include "app/apt.hpp"

#include "census/budgets_loader.hpp"

namespace app {

AptRun run_apt(const AptSpec& spec) {
    AptRun run{load_inputs(spec.inputs), {}, {}};
    run.calculation = calc::calculate(run.in.census, run.in.schedule);
    const auto budgets = census::load_budget_shares_file(spec.budgets, run.in.census);
    run.tie_out = calc::apt_tie_out(run.in.census, run.in.schedule, run.calculation, budgets, spec.budgets);
    return run;
}

}  // namespace app
