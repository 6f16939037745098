#pragma once
// Starting a live what-if session (the GUI's use case, with no window): load
// the census, proposal, baseline and ledgers; find a recovery file that
// belongs to exactly these inputs; apply scripted choices and edits; and set
// up autosave — or say why it is off.

#include "app/inputs.hpp"
#include "app/recovery.hpp"
#include "app/scenario.hpp"
#include "model/improvement.hpp"

#include <map>
#include "rates/ledger_loader.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace app {

struct LiveSpec {
    InputSpec inputs;                   ///< rates = the proposal; choices = "service=option"
    std::string baseline;               ///< empty: Havering 2024-25
    std::vector<std::string> ledgers;   ///< ledger files; none given: maternity for the shipped proposal, else none
    std::string recovery_file;          ///< empty: the default place for these inputs
    bool autosave = true;               ///< false for scripted runs (screenshots): nothing written or removed
    std::vector<std::string> edits;     ///< "service.FACTOR=rate", applied in order
    std::string select;                 ///< a school's URN
    std::string inspections;            ///< Ofsted extract for the Improvement tab; none given: Havering's for the shipped census only
};

struct LiveSession {
    explicit LiveSession(Scenario s) : scenario(std::move(s)) {}
    Scenario scenario;
    std::vector<rates::LedgerFile> ledgers;  ///< each for a service of the proposal
    InputIdentity inputs;
    RecoveryFound recovery;                  ///< an offer, and/or a problem to show
    std::string recovery_source;             ///< where a recovery file was looked for
    std::string recovery_file;               ///< where autosave writes (empty: off)
    std::string warning;                     ///< why autosave is off, when it is
    std::optional<std::size_t> selected;     ///< census index of --select
    RecoveryLock lock;
    /// The schools' latest inspections, when known for this census (else the Improvement tab says so).
    std::optional<std::map<std::string, model::InspectionRecord>> inspections;
};

/// Throws calc::InputError for any bad input or scripted option (exit 2),
/// a recovery file that is one of the inputs included. A recovery found is
/// offered through the scenario (Scenario::offer_recovery) and kept until answered.
std::unique_ptr<LiveSession> open_live_session(const LiveSpec& spec);

/// A clean exit (the window closed, Quit, a screenshot taken): the recovery
/// file goes when nothing is left to recover. It stays for the next start when
/// it holds a recovery offered and not yet answered, or edits made since the
/// last save (closing the window never loses work: Scenario::end_session).
void close_live_session(LiveSession& live);

}  // namespace app
