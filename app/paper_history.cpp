#include "app/paper_history.hpp"

#include "app/embedded.hpp"
#include "calc/diagnostic.hpp"
#include "calc/text.hpp"
#include "rates/history_loader.hpp"

#include <vector>

namespace app {

namespace {

std::string ids_of(const calc::Schedule& s) {
    std::string ids;
    for (const calc::Service& svc : s.services) ids += (ids.empty() ? "" : ", ") + svc.id;
    return ids;
}

void check_against(const rates::History& h, const Inputs& in) {
    std::vector<calc::Diagnostic> problems;
    const calc::Schedule* previous = in.previous ? &*in.previous : nullptr;
    const auto add = [&](long line, const std::string& key, const std::string& message) {
        problems.push_back({h.source, line, key, message});
    };
    if (!calc::equals_ignoring_case(h.authority, in.schedule.authority))
        add(h.authority_line, "history.authority",
            "the history is " + h.authority + "'s but the " + in.schedule.year + " schedule is " + in.schedule.authority + "'s");
    for (const rates::PastRates& r : h.rates) {
        const std::string key = "rates." + r.service;
        if (!in.schedule.find(r.service) && !(previous && previous->find(r.service)))
            add(r.line, key + ".service", "no service \"" + r.service + "\" in the " + in.schedule.year + " schedule (" +
                                              ids_of(in.schedule) + ")");
        const std::string& latest = previous ? previous->year : in.schedule.year;
        if (r.year == in.schedule.year || (previous && r.year == previous->year))
            add(r.line, key + ".year", r.year + "'s rates come from the " + r.year + " schedule; leave them out here");
        else if (r.year > latest)
            add(r.line, key + ".year", r.year + " is after the " + latest + " schedule");
    }
    for (const rates::ServiceFigure& f : h.figures)
        if (!in.schedule.find(f.service))
            add(f.line, "figure.service", "no service \"" + f.service + "\" in the " + in.schedule.year + " schedule (" +
                                              ids_of(in.schedule) + ")");
    // A decision on a service last year's schedule lists must say what that schedule did.
    for (const rates::Decision& d : h.decisions) {
        if (!previous || d.year != previous->year || d.id.empty()) continue;
        const calc::Service* s = previous->find(d.id);
        const std::string key = "decision." + d.service + ".";
        if (!s) {
            add(d.line, key + "id", "no service \"" + d.id + "\" in the " + previous->year + " schedule (" + ids_of(*previous) + ")");
            continue;
        }
        const bool charged = !s->phases.empty();
        if (charged != (d.outcome == rates::Decision::Outcome::agreed))
            add(d.line, key + "outcome",
                std::string("\"") + std::string(rates::words_for(d.outcome)) + "\", but the " + previous->year + " schedule " +
                    (charged ? "charges " : "charges no phase for ") + d.id);
    }
    if (!problems.empty()) throw calc::InputError(std::move(problems));
}

}  // namespace

rates::History load_paper_history(const std::string& file, bool shipped_inputs, const Inputs& in) {
    rates::History h;
    if (!file.empty()) h = rates::load_history_file(file);
    else if (shipped_inputs) h = rates::load_history(embedded_text(kHaveringHistory), std::string("embedded: ") + kHaveringHistory);
    else return h;
    check_against(h, in);
    return h;
}

void check_appendices(const rates::PaperTemplate& words, const calc::Schedule& schedule) {
    std::vector<calc::Diagnostic> problems;
    for (const rates::Appendix& a : words.appendices)
        if (!a.service.empty() && !schedule.find(a.service))
            problems.push_back({words.source, a.line, "appendix.service",
                                "no service \"" + a.service + "\" in the " + schedule.year + " schedule (" + ids_of(schedule) + ")"});
    if (!problems.empty()) throw calc::InputError(std::move(problems));
}

}  // namespace app
