#include "rates/schedule_loader.hpp"

#include "io/text_file.hpp"
#include "calc/text.hpp"
#include "model/rate_rules.hpp"
#include "rates/toml_bounds.hpp"
#include "rates/toml_reader.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace rates {

namespace {

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
        allow_keys(head, "schedule.", {"authority", "year", "census", "rounding", "note"});
        schedule.authority = text(head, "authority", "schedule.", true);
        schedule.year = text(head, "year", "schedule.", true);
        schedule.census_label = text(head, "census", "schedule.", false);
        const std::string rounding = text(head, "rounding", "schedule.", false);
        if (!rounding.empty()) {
            if (auto mode = calc::rounding_mode_from_name(rounding)) schedule.rounding = *mode;
            else problem(*head.get("rounding"), "schedule.rounding",
                         "unknown rounding mode \"" + rounding + "\" (" + std::string(calc::rounding_mode_names()) + ")");
        }
    }

    calc::Service read_service(const toml::table& t) {
        calc::Service s;
        s.id = text(t, "id", "service.", true);
        const std::string where = (s.id.empty() ? std::string("service") : s.id) + ".";
        if (!s.id.empty() && s.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") != std::string::npos)
            problem(*t.get("id"), where + "id", "use lower-case letters, digits and - only");
        allow_keys(t, where, {"id", "name", "kind", "phases", "rates", "label", "present_to", "derivation", "derive",
                              "option", "selected", "note"});
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
                allow_keys(*o, owhere, {"id", "label", "rates", "present_to", "derivation", "derive", "note"});
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
        const std::string selected = text(t, "selected", where, false);
        if (!selected.empty()) {
            const auto it = std::find_if(s.options.begin(), s.options.end(), [&](const auto& o) { return o.id == selected; });
            if (it == s.options.end()) problem(*t.get("selected"), where + "selected", "no option \"" + selected + "\"");
            else s.selected = static_cast<std::size_t>(it - s.options.begin());
        }
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
                problem(p, where + "phases", "unknown phase (primary, secondary, all-through, special)");
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
        const toml::node* r = t.get("rates");
        const toml::table* table = r ? r->as_table() : nullptr;
        if (!table || table->empty()) {
            problem(r ? *r : static_cast<const toml::node&>(t), where + "rates", "give rates, e.g. rates = { AWPU = \"40.49\" }");
            return option;
        }
        // Keep the order the user wrote, as the paper does.
        std::map<calc::Factor, std::string> written;  // factor -> its key as first written
        for (const auto& [key, value_ptr] : in_file_order(*table)) {
            const toml::node& value = *value_ptr;
            const std::string at = where + "rates." + key;
            const auto factor = calc::factor_from_code(key);
            if (!factor) {
                problem(value, at, "unknown factor (AWPU, FSM, FSM6, EAL3, IDACI_A..IDACI_F, LPA, PLACE, LUMP)");
                continue;
            }
            if (const auto first = written.find(*factor); first != written.end()) {
                problem(value, at, first->second + " given twice (names are not case-sensitive)");
                continue;
            }
            written.emplace(*factor, key);
            if (*factor == calc::Factor::PLACE && !s.covers(calc::Phase::special))
                problem(value, at, "a PLACE rate needs \"special\" among the phases (education functions only)");
            if (auto rate = read_rate(value, at, *factor)) option.rates.push_back({*factor, calc::Rate{*rate}});
        }
        if (const toml::node* d = t.get("derive")) read_derivations(*d, where, option);
        return option;
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
            allow_keys(*rule, at + ".", {"uplift", "from", "target", "base", "multiple", "of", "round"});
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
