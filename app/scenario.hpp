#pragma once
// The Forum session as a view-model: census, baseline and an editable
// proposal, every edit undoable, recomputed with the calc/ engine and
// autosaved. No ImGui or OpenGL here; tests drive it without a display.

#include "app/recovery.hpp"
#include "calc/deduction.hpp"
#include "calc/statement.hpp"
#include "calc/range.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace app {

/// A service's figures under the proposal, beside the baseline's.
struct ServiceSummary {
    calc::ExactAmount exact_total;
    calc::Money pennies;               ///< sum of per-school charges
    calc::Money baseline_pennies;      ///< the same service under the baseline (0 if absent)
    std::size_t schools_charged = 0;
    std::optional<calc::PoundRange> range;
};

using calc::SchoolStatement;
using calc::StatementLine;

enum class SchoolColumn { urn, name, phase, nor, baseline, proposal, change, change_percent };

class Scenario {
public:
    Scenario(calc::Census census, calc::Schedule baseline, calc::Schedule proposal);

    /// From now on, rewrite `recovery_file` after every edit, headed by
    /// `inputs` (see app/recovery.hpp). A failed write never ends the session:
    /// autosave turns off and autosave_problem() says why.
    void autosave_to(std::string recovery_file, InputIdentity inputs);
    /// Empty while autosave works (or is off by choice); else why it stopped.
    const std::string& autosave_problem() const { return autosave_problem_; }

    const calc::Census& census() const { return census_; }
    const calc::Schedule& baseline() const { return baseline_; }
    const calc::Schedule& proposal() const { return proposal_; }
    const calc::Calculation& baseline_result() const { return baseline_result_; }
    const calc::Calculation& proposal_result() const { return proposal_result_; }
    /// Each school's total charge, indexed like the census.
    const std::vector<calc::Money>& baseline_totals() const { return baseline_totals_; }
    const std::vector<calc::Money>& proposal_totals() const { return proposal_totals_; }
    /// Kept up to date after every edit (ranges sort every school, so not per frame).
    const ServiceSummary& summary(std::size_t service) const { return summaries_.at(service); }
    /// The last year's rate of `factor` for a service of the proposal, if the baseline has it.
    std::optional<calc::Rate> baseline_rate(std::size_t service, calc::Factor factor, std::optional<calc::Phase> phase = {}) const;
    /// Counts every change to the figures, so views can cache sorted rows.
    std::uint64_t revision() const { return revision_; }

    // Edits: each is one undo step, recomputes the figures and autosaves.
    // A rate edit drops the rule the schedule recorded for that rate (and for
    // rates derived from it): the saved scenario states the rate as set, so it
    // loads and validates.
    /// With `phase`: that phase's own rate (added to the option's phase rates if new).
    void set_rate(std::size_t service, calc::Factor factor, const calc::Decimal& rate, std::optional<calc::Phase> phase = {});
    void step_rate(std::size_t service, calc::Factor factor, const calc::Decimal& delta, std::optional<calc::Phase> phase = {});
    /// A budget-first service's budget (one, or a phase's): its rate is re-derived on this census.
    void set_budget(std::size_t service, std::optional<calc::Phase> phase, const calc::Decimal& budget);
    void set_phase(std::size_t service, calc::Phase phase, bool charged);
    void select_option(std::size_t service, std::size_t option);
    /// Replaces the whole proposal (recovery, loading a scenario).
    void replace_proposal(calc::Schedule proposal);
    bool undo();
    bool redo();
    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }

    /// Files the scenario was read from (census, schedules, ledgers): save and
    /// export refuse to replace any of them.
    void set_input_files(std::vector<std::string> paths) { input_files_ = std::move(paths); }

    /// The proposal as a schedule TOML file `dedeleg` can run.
    void save_scenario(const std::string& path) const;
    /// Exactly what `dedeleg calc --layout wide` writes for the proposal.
    void export_csv(const std::string& path) const;
    /// After a save: nothing is unsaved, so the recovery file is removed,
    /// unless it holds a recovery offered and not yet answered.
    void discard_recovery();
    /// A clean exit (the window closed, Quit, Esc): the recovery file is
    /// removed only when nothing is unsaved; edits made since the last save
    /// stay in it, to be offered at the next start (closing never loses work).
    void end_session() const;
    /// True when the proposal has changed since the start or the last save.
    bool unsaved() const { return unsaved_; }

    /// The recovery file holds `saved`, an earlier session's scenario on these
    /// inputs, offered back. Until the user answers (restore or discard) that
    /// file is neither written nor removed: edits given at start, undo, a save
    /// and every way out (window closed, Quit, Esc, a screenshot run) leave it
    /// as it is, to be offered again at the next start.
    void offer_recovery(calc::Schedule saved) { recovery_offered_ = std::move(saved); }
    const std::optional<calc::Schedule>& recovery_offered() const { return recovery_offered_; }
    /// Answer: the proposal becomes the saved scenario (one undo step), autosaved.
    void restore_recovery();
    /// Answer: the saved scenario is dropped; the file holds this session's
    /// scenario from now on (removed if nothing has been edited yet).
    void discard_offered_recovery();
    /// The recovery file's text for the proposal as it is now.
    std::string recovery_text() const;

    /// Census indices of the schools whose name, URN or phase contains
    /// `filter` (case-insensitive), sorted by `column`. Academies (never
    /// charged) only when `with_academies`.
    std::vector<std::size_t> school_rows(const std::string& filter, SchoolColumn column, bool descending,
                                         bool with_academies = true) const;

    /// Baseline vs proposal for one school (census index), service by service.
    SchoolStatement statement(std::size_t school) const;

private:
    void edit(calc::Schedule next, std::optional<std::size_t> only_service);
    void recompute(std::optional<std::size_t> only_service);
    void autosave();
    ServiceSummary summarise(std::size_t service) const;

    calc::Census census_;
    calc::Schedule baseline_;
    calc::Schedule proposal_;
    calc::Calculation baseline_result_;
    calc::Calculation proposal_result_;
    std::vector<calc::Money> baseline_totals_;
    std::vector<calc::Money> proposal_totals_;
    std::vector<ServiceSummary> summaries_;
    std::vector<calc::Schedule> undo_;
    std::vector<calc::Schedule> redo_;
    std::string recovery_file_;
    InputIdentity recovery_inputs_;
    bool unsaved_ = false;  // an edit, undo, redo or restore since the start or the last save
    std::optional<calc::Schedule> recovery_offered_;
    std::string autosave_problem_;
    std::vector<std::string> input_files_;
    std::uint64_t revision_ = 0;
};

/// Whole pennies of an amount, for sorting (exact for any realistic sum).
long long pennies(const calc::Money& m);

}  // namespace app
