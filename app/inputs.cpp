#include "app/inputs.hpp"

#include "calc/diagnostic.hpp"
#include "census/census_loader.hpp"
#include "app/embedded.hpp"
#include "rates/schedule_loader.hpp"

#include <algorithm>

namespace app {

calc::Schedule load_rates(const std::string& path, std::string_view embedded_default) {
    if (!path.empty()) return rates::load_schedule_file(path);
    return rates::load_schedule(embedded_text(embedded_default), "embedded:" + std::string(embedded_default));
}

calc::Census load_census(const std::string& path) {
    if (!path.empty()) return census::load_census_file(path);
    return census::load_census(embedded_text(kDefaultCensus), "embedded:" + std::string(kDefaultCensus));
}

void apply_choices(calc::Schedule& schedule, const std::vector<std::string>& choices) {
    std::vector<calc::Diagnostic> problems;
    std::vector<std::string> chosen;
    for (const std::string& choice : choices) {
        const std::size_t eq = choice.find('=');
        const std::string service_id = choice.substr(0, eq);
        const std::string option_id = eq == std::string::npos ? "" : choice.substr(eq + 1);
        // Two choices for one service: which did the user mean? Refused, never last-one-wins.
        if (std::find(chosen.begin(), chosen.end(), service_id) != chosen.end()) {
            problems.push_back({"--option", 0, "", service_id + " is given more than one option; choose one"});
            continue;
        }
        chosen.push_back(service_id);
        calc::Service* service = nullptr;
        for (calc::Service& s : schedule.services)
            if (s.id == service_id) service = &s;
        if (!service) {
            problems.push_back({"--option", 0, "", "no service \"" + service_id + "\" in the " + schedule.year + " schedule"});
            continue;
        }
        std::string known;
        bool found = false;
        for (std::size_t i = 0; i < service->options.size(); ++i) {
            known += (known.empty() ? "" : ", ") + service->options[i].id;
            if (service->options[i].id == option_id) {
                service->selected = i;
                found = true;
            }
        }
        if (!found)
            problems.push_back({"--option", 0, "", service_id + " has no option \"" + option_id + "\" (" + known + ")"});
    }
    if (!problems.empty()) throw calc::InputError(std::move(problems));
}

void refuse_default_beside(std::string_view option, const std::string& value, std::string_view other,
                           const std::string& other_value) {
    if (!value.empty() || other_value.empty()) return;
    throw calc::InputError({{std::string(option), 0, "",
                             "not given, but " + std::string(other) + " is (" + other_value +
                                 "): the shipped Havering default would be mixed with it; give " + std::string(option) +
                                 " too (leave both out only for the shipped Havering case)"}});
}

void check_census_against(const calc::Census& census, const calc::Schedule& schedule, const calc::Schedule* other) {
    std::vector<const calc::Schedule*> schedules{&schedule};
    if (other) schedules.push_back(other);
    auto problems = census::check_census(census, schedules);
    if (!problems.empty()) throw calc::InputError(std::move(problems));
}

Inputs load_inputs(const InputSpec& opts) {
    Inputs in{load_census(opts.census), load_rates(opts.rates, kDefaultRates), std::nullopt};
    if (!opts.previous.empty()) in.previous = rates::load_schedule_file(opts.previous);
    else if (opts.rates.empty() && opts.wants_previous) in.previous = load_rates("", kDefaultPrevious);
    refuse_default_beside("--census", opts.census, "--rates", opts.rates);
    refuse_default_beside("--census", opts.census, "--previous", opts.previous);
    apply_choices(in.schedule, opts.choices);
    check_census_against(in.census, in.schedule, in.previous ? &*in.previous : nullptr);
    return in;
}

}  // namespace app
