#include "app/edits.hpp"

#include "calc/diagnostic.hpp"
#include "calc/number_text.hpp"

namespace app {

namespace {

[[noreturn]] void bad_edit(const std::string& message) { throw calc::InputError({{"--edit", 0, "", message}}); }

std::string factor_codes() {
    std::string out;
    for (calc::Factor f : calc::kAllFactors) out += (out.empty() ? "" : ", ") + std::string(calc::code_of(f));
    return out;
}

std::string rate_codes(const calc::RateOption& option) {
    std::string out;
    for (const auto& [f, r] : option.rates) out += (out.empty() ? "" : ", ") + std::string(calc::code_of(f));
    return out;
}

}  // namespace

void apply_rate_edit(Scenario& scenario, const std::string& edit) {
    const std::size_t dot = edit.find('.');
    const std::size_t eq = edit.find('=');
    if (dot == std::string::npos || eq == std::string::npos || eq < dot)
        bad_edit("write SERVICE.FACTOR=RATE, e.g. maternity.AWPU=41.08, not \"" + edit + "\"");
    const std::string id = edit.substr(0, dot);
    const std::string code = edit.substr(dot + 1, eq - dot - 1);
    const auto& services = scenario.proposal().services;
    std::size_t s = 0;
    while (s < services.size() && services[s].id != id) ++s;
    if (s == services.size()) bad_edit("no service \"" + id + "\" in the " + scenario.proposal().year + " proposal");
    const auto factor = calc::factor_from_code(code);
    if (!factor) bad_edit("no factor \"" + code + "\" (factors: " + factor_codes() + ")");
    if (!services[s].selected_option().rate_for(*factor))
        bad_edit(id + " does not charge " + code + " in the proposal (it charges " + rate_codes(services[s].selected_option()) + ")");
    const std::string text = edit.substr(eq + 1);
    calc::NumberText n;
    try {
        n = calc::parse_number(text);
    } catch (const calc::InvalidNumber& e) {
        bad_edit(edit.substr(0, eq) + ": " + e.what());
    }
    if (n.percent) bad_edit(edit.substr(0, eq) + ": a rate is an amount in pounds, not a percentage");
    if (const auto why = calc::rate_problem(n.value)) bad_edit(edit.substr(0, eq) + ": " + *why);
    if (const auto why = calc::separator_problem(text, *factor)) bad_edit(edit.substr(0, eq) + ": " + *why);
    scenario.set_rate(s, *factor, n.value);
}

}  // namespace app
