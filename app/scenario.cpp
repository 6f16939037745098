#include "app/scenario.hpp"

#include "calc/diagnostic.hpp"
#include "calc/per_school.hpp"
#include "calc/text.hpp"
#include "io/text_file.hpp"
#include "rates/schedule_loader.hpp"
#include "rates/schedule_writer.hpp"
#include "report/per_school_csv.hpp"

#include <algorithm>
#include <filesystem>
#include <numeric>
#include <stdexcept>

namespace app {

namespace {

calc::Money zero() { return calc::Money{calc::Decimal(0).with_scale(2)}; }

bool contains_ignoring_case(const std::string& haystack, const std::string& needle_lower) {
    return calc::to_lower(haystack).find(needle_lower) != std::string::npos;
}

}  // namespace

long long pennies(const calc::Money& m) { return static_cast<long long>(m.value.with_scale(2).units()); }

Scenario::Scenario(calc::Census census, calc::Schedule baseline, calc::Schedule proposal)
    : census_(std::move(census)),
      baseline_(std::move(baseline)),
      proposal_(std::move(proposal)) {
    baseline_result_ = calc::calculate(census_, baseline_);
    baseline_totals_ = calc::school_totals(baseline_result_, census_.schools.size());
    recompute(std::nullopt);
}

void Scenario::recompute(std::optional<std::size_t> only_service) {
    ++revision_;
    if (!only_service) {
        proposal_result_ = calc::calculate(census_, proposal_);
        proposal_totals_ = calc::school_totals(proposal_result_, census_.schools.size());
        summaries_.clear();
        for (std::size_t s = 0; s < proposal_.services.size(); ++s) summaries_.push_back(summarise(s));
        return;
    }
    // One service changed: take its old charges off each school, put the new ones on.
    const std::size_t s = *only_service;
    calc::ServiceResult& old_result = proposal_result_.services[s];
    for (const calc::SchoolCharge& c : old_result.charges) proposal_totals_[c.school] = proposal_totals_[c.school] - c.amount();
    proposal_result_.exact_total = proposal_result_.exact_total - old_result.exact_total;
    proposal_result_.sum_of_rounded = proposal_result_.sum_of_rounded - old_result.sum_of_rounded;
    old_result = calc::calculate_service(census_, proposal_, s, proposal_.services[s].selected);
    for (const calc::SchoolCharge& c : old_result.charges) proposal_totals_[c.school] += c.amount();
    proposal_result_.exact_total += old_result.exact_total;
    proposal_result_.sum_of_rounded += old_result.sum_of_rounded;
    summaries_[s] = summarise(s);
}

void Scenario::edit(calc::Schedule next, std::optional<std::size_t> only_service) {
    // A budget the edit leaves with nothing to spread over (a phase voted out, a budget typed for an
    // empty phase) is refused here, calc::InputError, before the proposal changes (issue 18).
    for (const calc::Service& s : next.services) (void)calc::effective_rates(census_, s, s.selected_option(), next.rounding);
    undo_.push_back(proposal_);
    redo_.clear();
    proposal_ = std::move(next);
    recompute(only_service);
    unsaved_ = true;
    autosave();
}

void Scenario::set_rate(std::size_t service, calc::Factor factor, const calc::Decimal& rate, std::optional<calc::Phase> phase) {
    // Front ends check typed text first (app/edits, the GUI's fields); a bad rate here is a bug.
    if (const auto why = calc::rate_problem(rate)) throw std::invalid_argument(rate.to_string() + ": " + *why);
    calc::Schedule next = proposal_;
    calc::Service& s = next.services.at(service);
    calc::RateOption& option = s.options[s.selected];
    if (phase) {
        // A phase's own rate: replaces the service-wide one for that phase's schools only.
        auto it = std::find_if(option.phase_rates.begin(), option.phase_rates.end(),
                               [&](const calc::PhaseRates& p) { return p.phase == *phase; });
        if (it == option.phase_rates.end()) it = option.phase_rates.insert(option.phase_rates.end(), calc::PhaseRates{*phase, {}});
        auto r = std::find_if(it->rates.begin(), it->rates.end(), [&](const auto& fr) { return fr.first == factor; });
        if (r == it->rates.end()) it->rates.emplace_back(factor, calc::Rate{rate});
        else r->second = calc::Rate{rate};
        edit(std::move(next), service);
        return;
    }
    for (auto& [f, r] : option.rates)
        if (f == factor) r = calc::Rate{rate};
    // The recorded rule no longer gives this rate (nor a multiple of it): keep the rate, drop the rule.
    const auto stale = [&](const std::pair<calc::Factor, calc::RateDerivation>& d) {
        return d.first == factor || (d.second.rule == calc::RateDerivation::Rule::multiple && d.second.of == factor);
    };
    const std::size_t before = option.derived.size();
    std::erase_if(option.derived, stale);
    if (option.derived.size() != before)
        option.derivation = "Set in a Forum what-if session (the rule recorded for it no longer applies).";
    edit(std::move(next), service);
}

void Scenario::step_rate(std::size_t service, calc::Factor factor, const calc::Decimal& delta, std::optional<calc::Phase> phase) {
    const calc::Service& s = proposal_.services.at(service);
    const calc::Rate* rate = phase ? s.options[s.selected].rate_for(factor, *phase) : s.options[s.selected].rate_for(factor);
    if (!rate) return;
    const calc::Decimal next = rate->value + delta;
    set_rate(service, factor, next.sign() < 0 ? calc::Decimal(0) : next, phase);  // a step down stops at £0
}

void Scenario::set_budget(std::size_t service, std::optional<calc::Phase> phase, const calc::Decimal& budget) {
    if (budget.sign() < 0 || budget.significant_places() > 2) throw std::invalid_argument("a budget is pounds and pence, not negative");
    calc::Schedule next = proposal_;
    calc::Service& s = next.services.at(service);
    calc::RateOption& option = s.options[s.selected];
    if (!option.budget) throw std::invalid_argument(s.id + " is not budget-first");
    if (!phase) option.budget->budget = budget;
    else {
        auto it = std::find_if(option.budget->phase_budgets.begin(), option.budget->phase_budgets.end(),
                               [&](const auto& pb) { return pb.first == *phase; });
        if (it == option.budget->phase_budgets.end()) throw std::invalid_argument(s.id + " has no budget for that phase");
        it->second = budget;
    }
    edit(std::move(next), service);  // the rate is re-derived from the budget on this census
}

void Scenario::set_phase(std::size_t service, calc::Phase phase, bool charged) {
    calc::Schedule next = proposal_;
    auto& phases = next.services.at(service).phases;
    const auto it = std::find(phases.begin(), phases.end(), phase);
    if (charged == (it != phases.end())) return;
    if (charged) phases.push_back(phase);
    else phases.erase(it);
    edit(std::move(next), service);
}

void Scenario::select_option(std::size_t service, std::size_t option) {
    if (option >= proposal_.services.at(service).options.size() || proposal_.services[service].selected == option) return;
    calc::Schedule next = proposal_;
    next.services[service].selected = option;
    edit(std::move(next), service);
}

void Scenario::replace_proposal(calc::Schedule proposal) { edit(std::move(proposal), std::nullopt); }

bool Scenario::undo() {
    if (undo_.empty()) return false;
    redo_.push_back(std::move(proposal_));
    proposal_ = std::move(undo_.back());
    undo_.pop_back();
    recompute(std::nullopt);
    unsaved_ = true;
    autosave();
    return true;
}

bool Scenario::redo() {
    if (redo_.empty()) return false;
    undo_.push_back(std::move(proposal_));
    proposal_ = std::move(redo_.back());
    redo_.pop_back();
    recompute(std::nullopt);
    unsaved_ = true;
    autosave();
    return true;
}

ServiceSummary Scenario::summarise(std::size_t service) const {
    const calc::ServiceResult& r = proposal_result_.services.at(service);
    ServiceSummary out;
    out.exact_total = r.exact_total;
    out.pennies = r.sum_of_rounded;
    out.baseline_pennies = zero();
    for (const calc::ServiceResult& b : baseline_result_.services)
        if (baseline_.services[b.service].id == proposal_.services[service].id) out.baseline_pennies = b.sum_of_rounded;
    out.schools_charged = r.charges.size();
    out.range = calc::range_of(r);
    return out;
}

std::optional<calc::Rate> Scenario::baseline_rate(std::size_t service, calc::Factor factor, std::optional<calc::Phase> phase) const {
    const calc::Service* before = baseline_.find(proposal_.services.at(service).id);
    if (!before) return std::nullopt;
    const calc::Rate* rate = phase ? before->selected_option().rate_for(factor, *phase) : before->selected_option().rate_for(factor);
    return rate ? std::optional<calc::Rate>(*rate) : std::nullopt;
}

void Scenario::save_scenario(const std::string& path) const {
    // Never over a file this process read (the census, a schedule, a ledger).
    io::write_atomically(path, [&](std::ostream& out) { out << rates::write_schedule(proposal_); }, {false, input_files_});
}

void Scenario::export_csv(const std::string& path) const {
    io::write_atomically(path, [&](std::ostream& out) { report::write_wide_csv(out, census_, proposal_, proposal_result_); },
                         {false, input_files_});
}

void Scenario::autosave_to(std::string recovery_file, InputIdentity inputs) {
    recovery_file_ = std::move(recovery_file);
    recovery_inputs_ = std::move(inputs);
    autosave_problem_.clear();
}

std::string Scenario::recovery_text() const {
    return recovery_inputs_.header(utc_now()) + rates::write_schedule(proposal_);
}

void Scenario::autosave() {
    if (recovery_file_.empty() || recovery_offered_) return;  // an offer not yet answered is kept as it is
    try {
        std::filesystem::create_directories(std::filesystem::path(recovery_file_).parent_path());
        // Renamed into place after every edit: that survives a crash or kill -9; an fsync per edit
        // (for a power cut) would put the disk's latency into the live window's frame.
        io::WriteRules rules;
        rules.sync = false;
        rules.inputs = input_files_;  // checked at start too; this catches a link swapped in since
        io::write_atomically(recovery_file_, [&](std::ostream& out) { out << recovery_text(); }, rules);
    } catch (const calc::InputError& e) {
        // The session matters more than its backup: say so on screen and carry on.
        autosave_problem_ = "Autosave is off: " + (e.diagnostics.empty() ? std::string("cannot write") : e.diagnostics.front().to_string());
        recovery_file_.clear();
    } catch (const std::filesystem::filesystem_error& e) {
        autosave_problem_ = std::string("Autosave is off: ") + e.what();
        recovery_file_.clear();
    }
}

void Scenario::discard_recovery() {
    unsaved_ = false;
    end_session();
}

void Scenario::end_session() const {
    if (recovery_file_.empty() || recovery_offered_ || unsaved_) return;
    std::error_code ignored;
    std::filesystem::remove(recovery_file_, ignored);
}

void Scenario::restore_recovery() {
    if (!recovery_offered_) return;
    calc::Schedule saved = std::move(*recovery_offered_);
    recovery_offered_.reset();
    replace_proposal(std::move(saved));
}

void Scenario::discard_offered_recovery() {
    if (!recovery_offered_) return;
    recovery_offered_.reset();
    if (can_undo()) autosave();  // edits given at start (--edit) waited for the answer
    else end_session();
}

SchoolStatement Scenario::statement(std::size_t school) const {
    const calc::School& s = census_.schools.at(school);
    SchoolStatement out;
    out.school = school;
    out.baseline_total = baseline_totals_.at(school);
    out.proposal_total = proposal_totals_.at(school);
    auto charge_in = [&](const calc::ServiceResult& r) -> std::optional<calc::Money> {
        // charges are in census order: a binary search finds this school's
        const auto it = std::lower_bound(r.charges.begin(), r.charges.end(), school,
                                         [](const calc::SchoolCharge& c, std::size_t i) { return c.school < i; });
        if (it == r.charges.end() || it->school != school) return std::nullopt;
        return it->amount();
    };
    const auto baseline_of = [&](const std::string& id) -> const calc::ServiceResult* {
        for (const calc::ServiceResult& r : baseline_result_.services)
            if (baseline_.services[r.service].id == id) return &r;
        return nullptr;
    };
    // In the proposal's order, each service charged under either schedule; then any the proposal dropped.
    for (const calc::ServiceResult& r : proposal_result_.services) {
        const calc::Service& service = proposal_.services[r.service];
        const calc::ServiceResult* before = baseline_of(service.id);
        const auto now = charge_in(r);
        const auto then = before ? charge_in(*before) : std::nullopt;
        if (!now && !then) continue;
        StatementLine l{service.id, service.name, then.value_or(zero()), now.value_or(zero()), then.has_value(), now.has_value(), {}};
        if (now) l.factors = calc::breakdown(census_, s, service, service.options[r.option], proposal_.rounding);
        else l.factors = calc::breakdown(census_, s, baseline_.services[before->service],
                                         baseline_.services[before->service].options[before->option], baseline_.rounding);
        out.lines.push_back(std::move(l));
    }
    for (const calc::ServiceResult& r : baseline_result_.services) {
        const calc::Service& service = baseline_.services[r.service];
        if (proposal_.find(service.id)) continue;
        if (const auto then = charge_in(r))
            out.lines.push_back({service.id, service.name, *then, zero(), true, false,
                                 calc::breakdown(census_, s, service, service.options[r.option], baseline_.rounding)});
    }
    return out;
}

std::vector<std::size_t> Scenario::school_rows(const std::string& filter, SchoolColumn column, bool descending,
                                               bool with_academies) const {
    const std::string needle = calc::to_lower(filter);
    std::vector<std::size_t> rows;
    rows.reserve(census_.schools.size());
    for (std::size_t i = 0; i < census_.schools.size(); ++i) {
        const calc::School& s = census_.schools[i];
        if (!with_academies && s.governance == calc::Governance::academy) continue;
        if (needle.empty() || contains_ignoring_case(s.name, needle) || s.urn.find(needle) != std::string::npos ||
            calc::name_of(s.phase).find(needle) != std::string_view::npos)
            rows.push_back(i);
    }
    // Sort keys as whole numbers so 20,000 rows sort in a few milliseconds.
    std::vector<long long> key(census_.schools.size(), 0);
    for (std::size_t i : rows) {
        const long long before = pennies(baseline_totals_[i]);
        const long long after = pennies(proposal_totals_[i]);
        switch (column) {
            case SchoolColumn::nor: key[i] = census_.schools[i].nor; break;
            case SchoolColumn::baseline: key[i] = before; break;
            case SchoolColumn::proposal: key[i] = after; break;
            case SchoolColumn::change: key[i] = after - before; break;
            case SchoolColumn::change_percent:
                key[i] = before == 0 ? (after == 0 ? 0 : std::numeric_limits<long long>::max()) : (after - before) * 1'000'000 / before;
                break;
            default: break;
        }
    }
    auto less = [&](std::size_t a, std::size_t b) {
        const calc::School& x = census_.schools[a];
        const calc::School& y = census_.schools[b];
        switch (column) {
            case SchoolColumn::urn: return x.urn.size() != y.urn.size() ? x.urn.size() < y.urn.size() : x.urn < y.urn;
            case SchoolColumn::name: return x.name < y.name;
            case SchoolColumn::phase: return x.phase < y.phase;
            default: return key[a] < key[b];
        }
    };
    if (column == SchoolColumn::urn || column == SchoolColumn::name || column == SchoolColumn::phase) {
        std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) { return descending ? less(b, a) : less(a, b); });
        return rows;
    }
    // Whole-number keys: (key, census order) pairs sorted in place give the stable order
    // without a merge buffer (the GUI re-sorts 20,000 rows on every edit).
    std::vector<std::pair<long long, std::size_t>> keyed;
    keyed.reserve(rows.size());
    for (std::size_t i : rows) keyed.emplace_back(descending ? -key[i] : key[i], i);
    std::sort(keyed.begin(), keyed.end());
    for (std::size_t k = 0; k < keyed.size(); ++k) rows[k] = keyed[k].second;
    return rows;
}

}  // namespace app
