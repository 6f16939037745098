#include "rates/schedule_loader.hpp"

#include "io/text_file.hpp"
#include "calc/eligibility.hpp"
#include "calc/text.hpp"
#include "model/rate_rules.hpp"
#include "rates/toml_bounds.hpp"
#include "rates/toml_reader.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace rates {

namespace {

// Whether `factor` is charged to any phase `s` covers.
bool applies_to_a_phase_of(const calc::Service& s, calc::Factor factor) {
    for (std::size_t p = 0; p < calc::kPhaseCount; ++p)
        if (s.covers(static_cast<calc::Phase>(p)) && calc::factor_applies(static_cast<calc::Phase>(p), factor)) return true;
    return false;
}

// False when every rate of `option` is on a factor none of the service's phases
// is charged on (flat AWPU on a special-only service): it would raise £0,
// silently. A service every phase voted out charges nobody by the Forum's
// decision, and a rate beside a phase voted out is kept for its return.
bool charges_a_phase(const calc::Service& s, const calc::RateOption& option) {
    if (s.phases.empty() || (option.rates.empty() && option.phase_rates.empty())) return true;
    for (const auto& [factor, rate] : option.rates)
        if (applies_to_a_phase_of(s, factor)) return true;
    for (const calc::PhaseRates& p : option.phase_rates)
        if (s.covers(p.phase) && !p.rates.empty()) return true;
    return false;
}

// The factors a special school can be charged: "PLACE, or LUMP".
std::string special_codes() {
    std::string out;
    for (const calc::FactorRow& row : calc::kFactorTable)
        if (calc::factor_applies(calc::Phase::special, row.factor)) out += (out.empty() ? "" : ", or ") + std::string(row.code);
    return out;
}

// Validates one parsed TOML document into a Schedule, collecting problems.
class Reader : public TomlReader {
public:
    using TomlReader::TomlReader;

    calc::Schedule read(const toml::table& doc) {
        calc::Schedule schedule;
        allow_keys(doc, "", {"schedule", "service"});
        if (const toml::table* head = doc["schedule"].as_table()) read_head(*head, schedule);
        else problem(doc, "schedule", "missing [schedule] table");

        const toml::array* services = doc["service"].as_array();
        if (!services || services->empty()) problem(doc, "service", "no [[service]] entries");
        std::set<std::string> ids;
        if (services) {
            for (const toml::node& node : *services) {
                const toml::table* t = node.as_table();
                if (!t) continue;
                calc::Service s = read_service(*t);
                if (!s.id.empty() && !ids.insert(s.id).second) problem(*t, s.id + ".id", "service id given twice");
                schedule.services.push_back(std::move(s));
            }
        }
        return schedule;
    }

private:
    void read_head(const toml::table& head, calc::Schedule& schedule) {
        allow_keys(head, "schedule.", {"authority", "year", "census", "rounding", "rounding_point", "note"});
        schedule.authority = text(head, "authority", "schedule.", true);
        schedule.year = text(head, "year", "schedule.", true);
        schedule.census_label = text(head, "census", "schedule.", false);
        const std::string rounding = text(head, "rounding", "schedule.", false);
        if (!rounding.empty()) {
            if (auto mode = calc::rounding_mode_from_name(rounding)) schedule.rounding.mode = *mode;
            else problem(*head.get("rounding"), "schedule.rounding",
                         "unknown rounding mode \"" + rounding + "\" (" + std::string(calc::rounding_mode_names()) + ")");
        }
        const std::string point = text(head, "rounding_point", "schedule.", false);
        if (!point.empty()) {
            if (auto p = calc::rounding_point_from_name(point)) schedule.rounding.point = *p;
            else problem(*head.get("rounding_point"), "schedule.rounding_point",
                         "unknown rounding point \"" + point + "\" (per-service: each school's charge for a service "
                         "rounded once; per-factor: each factor's amount rounded)");
        }
    }

    calc::Service read_service(const toml::table& t) {
        calc::Service s;
        s.id = text(t, "id", "service.", true);
        const std::string where = (s.id.empty() ? std::string("service") : s.id) + ".";
        if (!s.id.empty() && s.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") != std::string::npos)
            problem(*t.get("id"), where + "id", "use lower-case letters, digits and - only");
        allow_keys(t, where, {"id", "name", "kind", "phases", "rates", "phase_rates", "budget", "phase_budget", "basis",
                              "places", "round", "label", "present_to", "derivation", "derive",
                              "option", "selected", "proposed", "note"});
        s.name = text(t, "name", where, true);
        const std::string kind = text(t, "kind", where, true);
        if (auto k = calc::service_kind_from_name(kind)) s.kind = *k;
        else if (!kind.empty()) problem(*t.get("kind"), where + "kind", "must be \"de-delegated\" or \"education-function\"");
        read_phases(t, where, s);

        calc::RateOption main = read_option(t, where, s);
        main.id = kMainOptionId;
        main.label = text(t, "label", where, false);
        if (main.label.empty()) main.label = "Proposed";
        s.options.push_back(std::move(main));
        if (const toml::node* options = t.get("option")) {
            const toml::array* list = options->as_array();
            if (!list) problem(*options, where + "option", "write options as [[service.option]] tables");
            for (std::size_t i = 0; list && i < list->size(); ++i) {
                const toml::table* o = (*list)[i].as_table();
                if (!o) continue;
                const std::string id = text(*o, "id", where + "option.", true);
                const std::string owhere = where + "option." + (id.empty() ? std::to_string(i + 1) : id) + ".";
                allow_keys(*o, owhere, {"id", "label", "rates", "phase_rates", "budget", "phase_budget", "basis", "places",
                                        "round", "present_to", "derivation", "derive", "note"});
                calc::RateOption option = read_option(*o, owhere, s);
                option.id = id;
                option.label = text(*o, "label", owhere, true);
                for (const calc::RateOption& other : s.options)
                    if (!id.empty() && calc::equals_ignoring_case(other.id, id))
                        problem(*o, owhere + "id", other.id == id ? "option id \"" + id + "\" is used twice in this service"
                                                                   : other.id + " given twice (names are not case-sensitive)");
                s.options.push_back(std::move(option));
            }
        }
        // Several options: the first is not "Proposed" unless the schedule says the LA proposes it.
        if (s.options.size() > 1 && !t.contains("label")) s.options.front().label = "Option 1";
        const auto option_named = [&](const char* key) -> std::optional<std::size_t> {
            const std::string id = text(t, key, where, false);
            if (id.empty()) return std::nullopt;
            const auto it = std::find_if(s.options.begin(), s.options.end(), [&](const auto& o) { return o.id == id; });
            if (it == s.options.end()) {
                problem(*t.get(key), where + key, "no option \"" + id + "\"");
                return std::nullopt;
            }
            return static_cast<std::size_t>(it - s.options.begin());
        };
        s.proposed = option_named("proposed");
        // What the totals charge: `selected`, else the proposed option, else the first.
        if (const auto selected = option_named("selected")) s.selected = *selected;
        else if (s.proposed) s.selected = *s.proposed;
        return s;
    }

    void read_phases(const toml::table& t, const std::string& where, calc::Service& s) {
        const toml::node* n = t.get("phases");
        const toml::array* list = n ? n->as_array() : nullptr;
        // An empty list is allowed: every phase voted the service out.
        if (!list) {
            problem(n ? *n : static_cast<const toml::node&>(t), where + "phases", "give a list of phases, e.g. [\"primary\"]");
            return;
        }
        for (const toml::node& p : *list) {
            const auto* name = p.as_string();
            const auto phase = name ? calc::phase_from_name(name->get()) : std::nullopt;
            if (!phase) {
                problem(p, where + "phases", (name ? "unknown phase \"" + std::string(name->get()) + "\"" : std::string("a phase must be text")) +
                                                 " (primary, secondary, all-through, special)");
                continue;
            }
            if (std::find(s.phases.begin(), s.phases.end(), *phase) != s.phases.end()) {
                problem(p, where + "phases", std::string(calc::name_of(*phase)) + " given twice (names are not case-sensitive)");
                continue;
            }
            if (*phase == calc::Phase::nursery || *phase == calc::Phase::pru)
                problem(p, where + "phases", "nursery schools and PRUs cannot be charged (section 1 of the regulations)");
            else if (*phase == calc::Phase::special && s.kind == calc::ServiceKind::de_delegated)
                problem(p, where + "phases", "de-delegation is not an option for special schools; only education functions are");
            s.phases.push_back(*phase);
        }
    }

    calc::RateOption read_option(const toml::table& t, const std::string& where, const calc::Service& s) {
        calc::RateOption option;
        option.derivation = text(t, "derivation", where, false);
        if (const toml::node* p = t.get("present_to")) {
            const auto* i = p->as_integer();
            long long v = i ? i->get() : 0;
            bool power_of_ten = v >= 1;
            for (long long x = v; power_of_ten && x > 1; x /= 10) power_of_ten = x % 10 == 0;
            if (!power_of_ten) problem(*p, where + "present_to", "must be 1, 10, 100, 1000 ... (pounds)");
            else option.present_to = v;
        }
        if (t.contains("budget") || t.contains("phase_budget")) {
            read_budget(t, where, s, option);
            for (const char* key : {"rates", "phase_rates", "derive"})
                if (const toml::node* n = t.get(key))
                    problem(*n, where + key, "a budget-first rate comes from its budget; give rates or a budget, not both");
            return option;
        }
        for (const char* key : {"basis", "places", "round"})
            if (const toml::node* n = t.get(key)) problem(*n, where + key, "only for a budget-first rate (with budget or phase_budget)");
        const toml::node* r = t.get("rates");
        const toml::table* table = r ? r->as_table() : nullptr;
        if (!table || table->empty()) {
            problem(r ? *r : static_cast<const toml::node&>(t), where + "rates", "give rates, e.g. rates = { AWPU = \"40.49\" }");
            return option;
        }
        option.rates = read_rate_table(*table, where + "rates.", s, std::nullopt);
        if (const toml::node* p = t.get("phase_rates")) read_phase_rates(*p, where, s, option);
        if (const toml::node* d = t.get("derive")) read_derivations(*d, where, option);
        if (!charges_a_phase(s, option))
            problem(*r, where + "rates",
                    "no rate charges this service's phases: special schools are charged per place only (" + special_codes() + ")");
        return option;
    }

    // One table of rates, { FACTOR = "rate", ... }, in the order written. `phase`: a phase's own rates.
    std::vector<std::pair<calc::Factor, calc::Rate>> read_rate_table(const toml::table& table, const std::string& prefix,
                                                                    const calc::Service& s, std::optional<calc::Phase> phase) {
        std::vector<std::pair<calc::Factor, calc::Rate>> rates;
        std::map<calc::Factor, std::string> written;  // factor -> its key as first written
        for (const auto& [key, value_ptr] : in_file_order(table)) {
            const toml::node& value = *value_ptr;
            const std::string at = prefix + key;
            const auto factor = calc::factor_from_code(key);
            if (!factor) {
                problem(value, at, "unknown factor (" + calc::factor_codes() + ")");
                continue;
            }
            if (const auto first = written.find(*factor); first != written.end()) {
                problem(value, at, first->second + " given twice (names are not case-sensitive)");
                continue;
            }
            written.emplace(*factor, key);
            const std::string code(calc::code_of(*factor));
            if (!calc::factor_applies(calc::Phase::primary, *factor) && !s.covers(calc::Phase::special))
                problem(value, at, "a " + code + " rate needs \"special\" among the phases (education functions only)");
            else if (phase && !calc::factor_applies(*phase, *factor))
                problem(value, at, *phase == calc::Phase::special
                                       ? "special schools are charged per place only (" + special_codes() + ")"
                                       : "a " + code + " rate is charged to special schools only; give it under phase_rates.special");
            if (auto rate = read_rate(value, at, *factor)) rates.push_back({*factor, calc::Rate{*rate}});
        }
        return rates;
    }

    // phase_rates = { secondary = { EAL3 = "16.34" } }, or [service.phase_rates.secondary].
    void read_phase_rates(const toml::node& node, const std::string& where, const calc::Service& s, calc::RateOption& option) {
        const toml::table* table = node.as_table();
        if (!table) {
            problem(node, where + "phase_rates", "write [service.phase_rates.secondary] with the phase's rates, e.g. EAL3 = \"16.34\"");
            return;
        }
        for (const auto& [key, value_ptr] : in_file_order(*table)) {
            const std::string at = where + "phase_rates." + key;
            const auto phase = calc::phase_from_name(key);
            const toml::table* rates = value_ptr->as_table();
            if (!phase) {
                problem(*value_ptr, at, "unknown phase \"" + std::string(key) + "\" (primary, secondary, all-through, special)");
                continue;
            }
            if (!s.covers(*phase)) {
                problem(*value_ptr, at, "\"" + key + "\" is not among this service's phases (" + phase_list(s) + ")");
                continue;
            }
            if (option.phase_rates_for(*phase)) {
                problem(*value_ptr, at, std::string(calc::name_of(*phase)) + " given twice (names are not case-sensitive)");
                continue;
            }
            if (!rates || rates->empty()) {
                problem(*value_ptr, at, "give the phase's rates, e.g. EAL3 = \"16.34\"");
                continue;
            }
            option.phase_rates.push_back({*phase, read_rate_table(*rates, at + ".", s, *phase)});
        }
    }

    static std::string phase_list(const calc::Service& s) {
        std::string out;
        for (calc::Phase p : s.phases) out += (out.empty() ? "" : ", ") + std::string(calc::name_of(p));
        return out.empty() ? "none" : out;
    }

    // budget = "£270,700" (or [service.phase_budget]), basis, places, round.
    void read_budget(const toml::table& t, const std::string& where, const calc::Service& s, calc::RateOption& option) {
        calc::BudgetRule rule;
        const std::string basis = text(t, "basis", where, false);
        if (!basis.empty()) {
            const auto factor = calc::factor_from_code(basis);
            if (!factor) problem(*t.get("basis"), where + "basis", "unknown factor \"" + basis + "\" (" + calc::factor_codes() + ")");
            else if (!calc::factor_applies(calc::Phase::primary, *factor) && !s.covers(calc::Phase::special))
                problem(*t.get("basis"), where + "basis",
                        "a " + std::string(calc::code_of(*factor)) + " basis needs \"special\" among the phases");
            else rule.basis = *factor;
        }
        if (t.contains("places"))
            if (const auto places = read_places(t, where)) rule.places = *places;
        const std::string round = text(t, "round", where, false);
        if (!round.empty()) {
            if (auto mode = calc::rounding_mode_from_name(round)) rule.round = *mode;
            else problem(*t.get("round"), where + "round",
                         "unknown rounding mode \"" + round + "\" (" + std::string(calc::rounding_mode_names()) + ")");
        }
        if (t.contains("budget") && t.contains("phase_budget"))
            problem(*t.get("phase_budget"), where + "phase_budget", "give budget or phase_budget, not both");
        else if (t.contains("budget")) {
            rule.budget = read_budget_amount(*t.get("budget"), where + "budget");
            rule.budget_at = written_at(*t.get("budget"), where + "budget");
        }
        else if (const toml::table* phases = t.get("phase_budget")->as_table()) {
            for (const auto& [key, value_ptr] : in_file_order(*phases)) {
                const std::string at = where + "phase_budget." + key;
                const auto phase = calc::phase_from_name(key);
                if (!phase) problem(*value_ptr, at, "unknown phase \"" + std::string(key) + "\" (primary, secondary, all-through, special)");
                else if (!s.covers(*phase))
                    problem(*value_ptr, at, "\"" + key + "\" is not among this service's phases (" + phase_list(s) + ")");
                else if (std::any_of(rule.phase_budgets.begin(), rule.phase_budgets.end(), [&](const auto& b) { return b.first == *phase; }))
                    problem(*value_ptr, at, std::string(calc::name_of(*phase)) + " given twice (names are not case-sensitive)");
                else if (auto amount = read_budget_amount(*value_ptr, at)) {
                    rule.phase_budgets.push_back({*phase, *amount});
                    rule.phase_budget_at.push_back({*phase, written_at(*value_ptr, at)});
                    if (amount->sign() > 0 && !calc::factor_applies(*phase, rule.basis))
                        problem(*value_ptr, at,
                                "the " + std::string(calc::code_of(rule.basis)) + " basis has no count in " +
                                    std::string(calc::name_of(*phase)) + " schools, so this budget would raise £0 (" +
                                    (*phase == calc::Phase::special ? "a special school pays on PLACE or LUMP" : "only a special school has PLACE") +
                                    "; give 0 or another basis)");
                }
            }
            for (calc::Phase p : s.phases)
                if (std::none_of(rule.phase_budgets.begin(), rule.phase_budgets.end(), [&](const auto& b) { return b.first == p; }))
                    problem(*t.get("phase_budget"), where + "phase_budget",
                            "no budget for " + std::string(calc::name_of(p)) + ", one of this service's phases");
        } else {
            problem(*t.get("phase_budget"), where + "phase_budget", "write [service.phase_budget] with primary = \"£270,700\" ...");
        }
        option.budget = rule;
    }

    // places = 2, 3 or 4: the decimal places a rule rounds a rate to.
    std::optional<int> read_places(const toml::table& t, const std::string& where) {
        const toml::node* p = t.get("places");
        const auto* i = p ? p->as_integer() : nullptr;
        if (!i || i->get() < 2 || i->get() > calc::kMaxRatePlaces) {
            problem(p ? *p : static_cast<const toml::node&>(t), where + "places", "the rate's decimal places: 2, 3 or 4");
            return std::nullopt;
        }
        return static_cast<int>(i->get());
    }

    std::optional<calc::Decimal> read_budget_amount(const toml::node& value, const std::string& at) {
        if (value.is_boolean() || value.is_table() || value.is_array()) {
            problem(value, at, "a budget must be an amount such as \"£270,700\"");
            return std::nullopt;
        }
        const auto n = number(value, at);
        if (!n) return std::nullopt;
        if (n->percent) problem(value, at, "a budget is in pounds, not a percentage");
        else if (n->value.sign() < 0) problem(value, at, "a budget cannot be negative: \"" + n->value.to_string() + "\"");
        else return n->value;
        return std::nullopt;
    }

    // derive = { AWPU = { uplift = "5.5%", from = "2.80" }, PLACE = { multiple = "3", of = "AWPU" } }
    void read_derivations(const toml::node& node, const std::string& where, calc::RateOption& option) {
        const toml::table* table = node.as_table();
        if (!table) {
            problem(node, where + "derive", "write derive = { FACTOR = { uplift = \"5.5%\", from = \"2.80\" } }");
            return;
        }
        std::map<calc::Factor, std::string> written;  // factor -> its key as first written
        for (const auto& [key, value_ptr] : in_file_order(*table)) {
            const std::string at = where + "derive." + key;
            const auto factor = calc::factor_from_code(key);
            if (factor) {
                if (const auto first = written.find(*factor); first != written.end()) {
                    problem(*value_ptr, at, first->second + " given twice (names are not case-sensitive)");
                    continue;
                }
                written.emplace(*factor, key);
            }
            const toml::table* rule = value_ptr->as_table();
            const calc::Rate* stated = factor ? option.rate_for(*factor) : nullptr;
            if (!factor || !rule || !stated) {
                problem(*value_ptr, at, "derive a factor that has a rate, e.g. AWPU = { uplift = \"5.5%\", from = \"2.80\" }");
                continue;
            }
            allow_keys(*rule, at + ".", {"uplift", "from", "target", "base", "multiple", "of", "round", "places"});
            auto derivation = read_derivation(*rule, at + ".");
            if (!derivation) continue;
            try {
                const calc::Decimal expected = model::derive_rate(*derivation, option);
                if (expected != stated->value)
                    problem(*value_ptr, at, "the rate is " + stated->value.to_string() + " but the derivation gives " +
                                                expected.to_string());
                else option.derived.push_back({*factor, *derivation});
            } catch (const std::invalid_argument& e) {
                problem(*value_ptr, at, e.what());
            } catch (const calc::DecimalOverflow& e) {
                problem(*value_ptr, at, std::string("the derivation's figures are too large: ") + e.what());
            }
        }
    }

    std::optional<calc::RateDerivation> read_derivation(const toml::table& t, const std::string& at) {
        calc::RateDerivation d;
        const std::string round = text(t, "round", at, false);
        if (!round.empty()) {
            const auto mode = calc::rounding_mode_from_name(round);
            if (!mode) {
                problem(*t.get("round"), at + "round", "unknown rounding mode \"" + round + "\"");
                return std::nullopt;
            }
            d.round = *mode;
        }
        if (t.contains("places")) {
            const auto places = read_places(t, at);
            if (!places) return std::nullopt;
            d.places = *places;
        }
        auto value = [&](std::string_view key) { return number(t, key, at, true); };
        if (t.contains("uplift")) {
            d.rule = calc::RateDerivation::Rule::uplift;
            const auto by = value("uplift");
            const auto from = value("from");
            if (!by || !from) return std::nullopt;
            if (!by->percent) {
                problem(*t.get("uplift"), at + "uplift", "write the uplift as a percentage, e.g. \"5.5%\"");
                return std::nullopt;
            }
            d.by = by->value;
            d.from = from->value;
        } else if (t.contains("target")) {
            d.rule = calc::RateDerivation::Rule::target;
            const auto target = value("target");
            const auto base = value("base");
            if (!target || !base) return std::nullopt;
            d.target = target->value;
            d.base = base->value;
        } else if (t.contains("multiple")) {
            d.rule = calc::RateDerivation::Rule::multiple;
            const auto by = value("multiple");
            if (!by) return std::nullopt;
            d.by = by->value;
            const std::string of = text(t, "of", at, false);
            if (!of.empty()) {
                d.of = calc::factor_from_code(of);
                if (!d.of) {
                    problem(*t.get("of"), at + "of", "unknown factor \"" + of + "\"");
                    return std::nullopt;
                }
            } else if (const auto from = value("from")) {
                d.from = from->value;
            } else {
                return std::nullopt;
            }
        } else {
            problem(t, at.substr(0, at.size() - 1), "give uplift (with from), target (with base) or multiple (with of or from)");
            return std::nullopt;
        }
        return d;
    }

    // A rate as the user typed it, so 3.380 stays exactly 3.380.
    // A per-pupil or per-place rate is pounds and pence: "40,490" could be
    // £40,490 or a European £40.490. A lump sum is a budget-sized figure,
    // where a thousands separator is what people write.
    std::optional<calc::Decimal> read_rate(const toml::node& value, const std::string& at, calc::Factor factor) {
        if (value.is_boolean() || value.is_table() || value.is_array()) {
            problem(value, at, "a rate must be a number or a string such as \"40.49\"");
            return std::nullopt;
        }
        const auto n = number(value, at);
        if (!n) return std::nullopt;
        const std::string typed = n->value.to_string();
        if (const auto why = calc::separator_problem(value.as_string() ? value.as_string()->get() : typed, factor)) {
            problem(value, at, *why);
            return std::nullopt;
        }
        if (n->percent) problem(value, at, "a rate is in pounds, not a percentage");
        else if (n->value.sign() < 0) problem(value, at, "a rate cannot be negative: \"" + typed + "\"");
        else if (n->value.significant_places() > calc::kMaxRatePlaces)
            problem(value, at, "more than 4 decimal places: \"" + typed + "\"");
        else return n->value;
        return std::nullopt;
    }
};
}  // namespace

calc::Schedule load_schedule(std::string_view text, const std::string& file) {
    Reader reader(text, file);
    calc::Schedule schedule = reader.read(reader.document());
    reader.throw_if_problems();
    return schedule;
}

calc::Schedule load_schedule_file(const std::string& path) {
    return load_schedule(io::read_text_file(path, {kTomlBounds.max_bytes, false}), path);
}

}  // namespace rates
