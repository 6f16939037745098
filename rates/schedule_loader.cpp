#include "rates/schedule_loader.hpp"

#include "calc/diagnostic.hpp"
#include "calc/number_text.hpp"
#include "io/text_file.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <set>

namespace rates {

namespace {

constexpr int kMaxRatePlaces = 4;

// Validates one parsed TOML document into a Schedule, collecting problems.
class Reader {
public:
    Reader(std::string_view text, const std::string& file) : file_(file) {
        std::size_t start = 0;
        while (start <= text.size()) {
            const std::size_t end = text.find('\n', start);
            lines_.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
            if (end == std::string_view::npos) break;
            start = end + 1;
        }
    }

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

    std::vector<calc::Diagnostic>& problems() { return problems_; }

private:
    void problem(const toml::node& at, const std::string& key, std::string message) {
        problems_.push_back({file_, static_cast<long>(at.source().begin.line), key, std::move(message)});
    }

    void allow_keys(const toml::table& t, const std::string& prefix, std::initializer_list<std::string_view> allowed) {
        for (const auto& [key, value] : t)
            if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
                std::string list;
                for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
                problem(value, prefix + std::string(key.str()), "unknown key (expected one of: " + list + ")");
            }
    }

    std::string text(const toml::table& t, std::string_view key, const std::string& where, bool required) {
        const toml::node* n = t.get(key);
        if (!n) {
            if (required) problem(t, where + std::string(key), "missing");
            return {};
        }
        if (const auto* s = n->as_string()) return s->get();
        problem(*n, where + std::string(key), "must be a string in quotes");
        return {};
    }

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
        allow_keys(t, where, {"id", "name", "kind", "phases", "rates", "label", "present_to", "derivation", "option",
                              "selected", "note"});
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
                allow_keys(*o, owhere, {"id", "label", "rates", "present_to", "derivation", "note"});
                calc::RateOption option = read_option(*o, owhere, s);
                option.id = id;
                option.label = text(*o, "label", owhere, true);
                for (const calc::RateOption& other : s.options)
                    if (other.id == id) problem(*o, owhere + "id", "option id \"" + id + "\" is used twice in this service");
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
        if (!list || list->empty()) {
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
        // toml++ iterates keys alphabetically; keep the order the user wrote, as the paper does.
        std::vector<std::pair<const toml::key*, const toml::node*>> in_file_order;
        for (const auto& [key, value] : *table) in_file_order.push_back({&key, &value});
        std::sort(in_file_order.begin(), in_file_order.end(), [](const auto& a, const auto& b) {
            const auto& x = a.second->source().begin;
            const auto& y = b.second->source().begin;
            return x.line != y.line ? x.line < y.line : x.column < y.column;
        });
        for (const auto& [key_ptr, value_ptr] : in_file_order) {
            const toml::key& key = *key_ptr;
            const toml::node& value = *value_ptr;
            const std::string at = where + "rates." + std::string(key.str());
            const auto factor = calc::factor_from_code(key.str());
            if (!factor) {
                problem(value, at, "unknown factor (AWPU, FSM, FSM6, EAL3, IDACI_A..IDACI_F, LPA, PLACE, LUMP)");
                continue;
            }
            if (*factor == calc::Factor::PLACE && !s.covers(calc::Phase::special))
                problem(value, at, "a PLACE rate needs \"special\" among the phases (education functions only)");
            if (auto rate = read_rate(value, at)) option.rates.push_back({*factor, calc::Rate{*rate}});
        }
        return option;
    }

    // A rate as the user typed it: strings through parse_number, numbers
    // through the characters in the file, so 3.380 stays exactly 3.380.
    std::optional<calc::Decimal> read_rate(const toml::node& value, const std::string& at) {
        std::string typed;
        if (const auto* s = value.as_string()) typed = s->get();
        else if (value.is_number()) typed = source_text(value);
        else {
            problem(value, at, "a rate must be a number or a string such as \"40.49\"");
            return std::nullopt;
        }
        try {
            const calc::NumberText n = calc::parse_number(typed);
            if (n.percent) problem(value, at, "a rate is in pounds, not a percentage: \"" + typed + "\"");
            else if (n.value.sign() < 0) problem(value, at, "a rate cannot be negative: \"" + typed + "\"");
            else if (n.value.significant_places() > kMaxRatePlaces)
                problem(value, at, "more than 4 decimal places: \"" + typed + "\"");
            else return n.value;
        } catch (const calc::InvalidNumber& e) {
            problem(value, at, std::string(e.what()) + " (write rates as plain decimals)");
        }
        return std::nullopt;
    }

    // The characters of a value in the file; toml++ columns count code points.
    std::string source_text(const toml::node& value) const {
        const auto& where = value.source();
        if (where.begin.line != where.end.line || where.begin.line == 0 || where.begin.line > lines_.size()) return {};
        const std::string_view line = lines_[where.begin.line - 1];
        auto byte_of = [&](std::size_t column) {
            std::size_t byte = 0;
            for (std::size_t cp = 1; cp < column && byte < line.size(); ++cp) {
                ++byte;
                while (byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0) == 0x80) ++byte;
            }
            return byte;
        };
        const std::size_t from = byte_of(where.begin.column);
        const std::size_t to = byte_of(where.end.column);
        return std::string(line.substr(from, to - from));
    }

    const std::string& file_;
    std::vector<std::string_view> lines_;
    std::vector<calc::Diagnostic> problems_;
};

}  // namespace

calc::Schedule load_schedule(std::string_view text, const std::string& file) {
    toml::table doc;
    try {
        doc = toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        throw calc::InputError({{file, static_cast<long>(e.source().begin.line), "",
                                 "not valid TOML: " + std::string(e.description())}});
    }
    Reader reader(text, file);
    calc::Schedule schedule = reader.read(doc);
    if (!reader.problems().empty()) throw calc::InputError(std::move(reader.problems()));
    return schedule;
}

calc::Schedule load_schedule_file(const std::string& path) { return load_schedule(io::read_text_file(path), path); }

}  // namespace rates
