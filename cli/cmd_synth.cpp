// dedeleg synth: a synthetic census of any size, for trying things at scale.
#include "census/synthetic.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "report/census_csv.hpp"

#include <memory>

namespace cli {

void setup_synth(CLI::App& app) {
    auto opts = std::make_shared<census::SynthOptions>();
    auto out = std::make_shared<Output>();
    CLI::App* cmd = app.add_subcommand(
        "synth",
        "Write a synthetic census (not real schools) with realistic spreads of phase, size, academies, FSM, EAL, "
        "IDACI and low attainment; the same seed always gives the same file.\n"
        "Example: dedeleg synth --schools 20000 --las 153 --seed 1 --out england-synthetic.csv");
    cmd->add_option("--schools,-n", opts->schools, "Number of schools")->check(CLI::Range(1, 10'000'000))->capture_default_str();
    cmd->add_option("--las", opts->las, "Number of local authorities")->check(CLI::Range(1, 1000))->capture_default_str();
    cmd->add_option("--seed", opts->seed, "Random seed")->capture_default_str();
    add_out_option(*cmd, *out, "CSV file to write (atomically). Default: standard output");
    cmd->callback([opts, out] {
        const calc::Census census = census::synthetic_census(*opts);
        emit(*out, [&](std::ostream& os) { report::write_census_csv(os, census); });
    });
}

}  // namespace cli
