#include "app/live_session.hpp"

#include "app/edits.hpp"
#include "app/embedded.hpp"
#include "app/forecast.hpp"
#include "app/improvement.hpp"
#include "census/inspections_loader.hpp"
#include "calc/diagnostic.hpp"

namespace app {

namespace {

std::vector<rates::LedgerFile> load_ledgers(const LiveSpec& spec, const calc::Schedule& proposal) {
    std::vector<rates::LedgerFile> out;
    for (const std::string& path : spec.ledgers) {
        LedgerSpec l;
        l.ledger_file = path;
        out.push_back(load_ledger(l));
    }
    if (spec.ledgers.empty() && spec.inputs.rates.empty()) out.push_back(load_ledger(LedgerSpec{}));  // the shipped case
    check_ledgers_against(out, proposal);
    return out;
}

}  // namespace

std::unique_ptr<LiveSession> open_live_session(const LiveSpec& spec) {
    calc::Census census = load_census(spec.inputs.census);
    calc::Schedule proposal = load_rates(spec.inputs.rates, kDefaultRates);
    calc::Schedule baseline = load_rates(spec.baseline, kDefaultPrevious);
    refuse_default_beside("--baseline", spec.baseline, "--rates", spec.inputs.rates);
    refuse_default_beside("--rates", spec.inputs.rates, "--baseline", spec.baseline);
    refuse_default_beside("--census", spec.inputs.census, "--rates", spec.inputs.rates);
    check_census_against(census, proposal, &baseline);
    apply_choices(proposal, spec.inputs.choices);
    auto ledgers = load_ledgers(spec, proposal);

    auto live = std::make_unique<LiveSession>(Scenario(std::move(census), std::move(baseline), std::move(proposal)));
    live->ledgers = std::move(ledgers);
    live->inputs = identify_inputs(spec.inputs.census, spec.inputs.rates, spec.baseline);
    // Every file the session reads, by role: never written (save, export, autosave) nor moved aside.
    std::vector<std::pair<std::string, std::string>> roles = {
        {"census", spec.inputs.census}, {"proposal", spec.inputs.rates}, {"baseline", spec.baseline}, {"inspections", spec.inspections}};
    for (const std::string& l : spec.ledgers) roles.emplace_back("ledger", l);
    std::vector<std::string> files;
    for (const auto& [role, f] : roles)
        if (!f.empty()) files.push_back(f);
    live->scenario.set_input_files(files);

    if (!spec.inspections.empty()) live->inspections = census::load_inspections_file(spec.inspections);
    else if (spec.inputs.census.empty()) live->inspections = shipped_inspections();  // Havering's, for Havering's sample only

    if (!spec.select.empty()) {
        const auto& schools = live->scenario.census().schools;
        for (std::size_t i = 0; i < schools.size() && !live->selected; ++i)
            if (schools[i].urn == spec.select) live->selected = i;
        if (!live->selected) throw calc::InputError({{"--select", 0, "", "no school with URN " + spec.select + " in the census"}});
    }

    const std::string path = recovery_path(spec.recovery_file, live->inputs, live->warning);
    if (!path.empty()) refuse_recovery_over_input(spec.recovery_file.empty() ? path : "--recovery-file", path, roles);
    live->recovery = read_recovery(path, live->inputs, files);
    live->recovery_source = path;
    if (live->recovery.proposal) live->scenario.offer_recovery(*live->recovery.proposal);  // kept until answered
    // Edits at start are part of the session: they are autosaved like any other.
    if (spec.autosave && !path.empty() && live->recovery.writable &&
        live->lock.acquire(path, live->warning)) {
        live->recovery_file = path;
        live->scenario.autosave_to(path, live->inputs);
        if (!live->recovery.kept_as.empty()) live->recovery.problem += "; autosave goes on in a new file";
    }
    for (const std::string& e : spec.edits) apply_rate_edit(live->scenario, e);
    return live;
}

void close_live_session(LiveSession& live) { live.scenario.end_session(); }

}  // namespace app
