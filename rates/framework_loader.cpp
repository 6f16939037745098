#include "rates/framework_loader.hpp"

#include "io/text_file.hpp"
#include "rates/toml_bounds.hpp"
#include "rates/toml_reader.hpp"

#include <algorithm>
#include <set>

namespace rates {

namespace {

std::string key_list() {
    std::string out;
    for (const std::string& k : model::standing_keys()) out += (out.empty() ? "" : ", ") + k;
    return out;
}

class Reader : public TomlReader {
public:
    using TomlReader::TomlReader;

    model::Framework read() {
        const toml::table& doc = document();
        model::Framework f;
        allow_keys(doc, "", {"framework", "stage", "grade_map", "intervention", "overdue", "fixed", "assumption", "not_costed"});
        const toml::table* head = doc["framework"].as_table();
        if (!head) {
            problem(doc, "framework", "missing [framework] table");
            return f;
        }
        allow_keys(*head, "framework.", {"id", "name", "source", "placement", "day_rate", "day_rate_reason"});
        f.id = text(*head, "id", "framework.", true);
        f.name = text(*head, "name", "framework.", true);
        f.source = text(*head, "source", "framework.", false);
        const std::string placement = text(*head, "placement", "framework.", true);
        if (placement == "cycle") f.placement = model::PlacementRule::cycle;
        else if (placement == "grade") f.placement = model::PlacementRule::grade;
        else if (!placement.empty()) problem(*head->get("placement"), "framework.placement", "must be \"cycle\" or \"grade\"");
        if (auto n = number(*head, "day_rate", "framework.", true)) {
            if (!model::valid_day_rate(n->value) || n->percent)
                problem(*head->get("day_rate"), "framework.day_rate", "a day rate is pounds and pence above £0 and at most £100,000");
            else f.day_rate = n->value;
        }
        f.day_rate_reason = text(*head, "day_rate_reason", "framework.", true);

        if (const toml::array* stages = doc["stage"].as_array()) {
            for (const toml::node& node : *stages)
                if (const toml::table* t = node.as_table()) f.stages.push_back(read_stage(*t, f.placement));
        }
        if (f.stages.empty()) problem(doc, "stage", "no [[stage]] entries");
        std::set<std::string> ids;
        for (const model::Stage& s : f.stages)
            if (!ids.insert(s.id).second) problem(doc, "stage", "stage \"" + s.id + "\" given twice");
        if (f.placement == model::PlacementRule::cycle)
            for (int y = 1; y <= 5; ++y)
                if (!f.cycle_stage(y)) problem(doc, "stage", "a cycle framework needs a stage for cycle_year " + std::to_string(y));

        if (const toml::table* map = doc["grade_map"].as_table()) {
            for (const auto& [key, value] : *map) {
                const std::string k(key.str());
                const std::string where = "grade_map." + k;
                const auto& keys = model::standing_keys();
                if (std::find(keys.begin(), keys.end(), k) == keys.end()) problem(value, where, "not a grade: use " + key_list());
                const std::string* stage = value.as_string() ? &value.as_string()->get() : nullptr;
                if (!stage) problem(value, where, "write the stage id as a string");
                else if (!f.stage(*stage)) problem(value, where, "no stage \"" + *stage + "\"");
                else f.grade_map[k] = *stage;
            }
        }
        if (f.placement == model::PlacementRule::grade)
            for (const std::string& k : model::standing_keys())
                if (!f.grade_map.count(k)) problem(doc, "grade_map", "a grade framework maps every grade: \"" + k + "\" is missing");

        f.intervention = activities(doc, "intervention", "");
        f.overdue = activities(doc, "overdue", "");
        f.fixed = activities(doc, "fixed", "");
        if (const toml::array* list = doc["assumption"].as_array()) {
            for (const toml::node& node : *list) {
                const toml::table* t = node.as_table();
                if (!t) continue;
                allow_keys(*t, "assumption.", {"what", "value", "reason"});
                f.assumptions.push_back({text(*t, "what", "assumption.", true), text(*t, "value", "assumption.", true),
                                         text(*t, "reason", "assumption.", true)});
            }
        }
        if (const toml::array* list = doc["not_costed"].as_array()) {
            for (const toml::node& node : *list) {
                const toml::table* t = node.as_table();
                if (!t) continue;
                allow_keys(*t, "not_costed.", {"what", "source", "reason"});
                f.not_costed.push_back({text(*t, "what", "not_costed.", true), text(*t, "source", "not_costed.", true),
                                        text(*t, "reason", "not_costed.", true)});
            }
        }
        return f;
    }

private:
    model::Stage read_stage(const toml::table& t, model::PlacementRule placement) {
        model::Stage s;
        s.id = text(t, "id", "stage.", true);
        const std::string where = "stage." + s.id + ".";
        allow_keys(t, where, {"id", "label", "cycle_year", "activity"});
        s.label = text(t, "label", where, true);
        if (auto y = integer(t, "cycle_year", where, placement == model::PlacementRule::cycle)) {
            if (*y < 1 || *y > 5) problem(*t.get("cycle_year"), where + "cycle_year", "a cycle year is 1 to 5");
            else s.cycle_year = static_cast<int>(*y);
        }
        s.activities = activities(t, "activity", where);
        return s;
    }

    std::vector<model::Activity> activities(const toml::table& t, std::string_view key, const std::string& prefix) {
        std::vector<model::Activity> out;
        const toml::array* list = t[key].as_array();
        if (!list) return out;
        for (const toml::node& node : *list) {
            const toml::table* a = node.as_table();
            if (!a) continue;
            model::Activity act;
            act.name = text(*a, "name", prefix + std::string(key) + ".", true);
            const std::string where = prefix + std::string(key) + "." + act.name + ".";
            allow_keys(*a, where, {"name", "days", "staff", "per_year", "note"});
            act.days = amount(*a, "days", where);
            act.staff = amount(*a, "staff", where);
            act.per_year = amount(*a, "per_year", where);
            out.push_back(std::move(act));
        }
        return out;
    }

    calc::Decimal amount(const toml::table& t, std::string_view key, const std::string& where) {
        const auto n = number(t, key, where, true);
        if (!n) return calc::Decimal(0);
        if (n->percent || n->value.sign() < 0 || n->value.significant_places() > 3) {
            problem(*t.get(key), where + std::string(key), "a number of at least 0 with at most 3 decimal places");
            return calc::Decimal(0);
        }
        if (n->value > calc::Decimal(1000)) {
            problem(*t.get(key), where + std::string(key), "more than 1,000");
            return calc::Decimal(0);
        }
        return n->value;
    }
};

}  // namespace

model::Framework load_framework(std::string_view text, const std::string& file) {
    Reader reader(text, file);
    model::Framework f = reader.read();
    reader.throw_if_problems();
    return f;
}

model::Framework load_framework_file(const std::string& path) {
    return load_framework(io::read_text_file(path, {kTomlBounds.max_bytes, false}), path);
}

}  // namespace rates
