#include "rates/history_loader.hpp"

#include "io/text_file.hpp"
#include "model/year_label.hpp"
#include "rates/toml_reader.hpp"

#include <set>
#include <utility>

namespace rates {

std::string_view words_for(Decision::Outcome outcome) {
    switch (outcome) {
        case Decision::Outcome::agreed: return "Agreed";
        case Decision::Outcome::not_agreed: return "Not agreed";
        case Decision::Outcome::not_applicable: return "N/A";
    }
    return "";
}

namespace {

class Reader : public TomlReader {
public:
    using TomlReader::TomlReader;

    History read() {
        const toml::table& doc = document();
        History h;
        allow_keys(doc, "", {"history", "decision", "rates", "figure", "formula_value"});
        if (const toml::table* head = doc["history"].as_table()) {
            allow_keys(*head, "history.", {"authority", "source", "note"});
            h.authority = text(*head, "authority", "history.", true);
            if (const toml::node* a = head->get("authority")) h.authority_line = line_of(*a);
        } else {
            problem(doc, "history", "missing [history] table");
        }
        for (const toml::table* t : tables(doc, "decision")) h.decisions.push_back(read_decision(*t));
        for (const toml::table* t : tables(doc, "rates")) h.rates.push_back(read_rates(*t));
        for (const toml::table* t : tables(doc, "figure")) h.figures.push_back(read_figure(*t));
        for (const toml::table* t : tables(doc, "formula_value")) h.formula.push_back(read_formula(*t));
        return h;
    }

private:
    std::set<std::pair<std::string, std::string>> decided_, rated_;

    static long line_of(const toml::node& n) { return static_cast<long>(n.source().begin.line); }

    std::vector<const toml::table*> tables(const toml::table& doc, const char* key) {
        std::vector<const toml::table*> out;
        const toml::node* n = doc.get(key);
        if (!n) return out;
        const toml::array* list = n->as_array();
        for (std::size_t i = 0; list && i < list->size(); ++i)
            if (const toml::table* t = (*list)[i].as_table()) out.push_back(t);
            else list = nullptr;
        if (!list) problem(*n, key, std::string("write these as [[") + key + "]] tables");
        return out;
    }

    std::string year(const toml::table& t, const std::string& where) {
        const std::string y = text(t, "year", where, true);
        if (!y.empty() && !model::next_year(y)) problem(*t.get("year"), where + "year", "a year is written like 2024-25: \"" + y + "\"");
        return y;
    }

    Decision read_decision(const toml::table& t) {
        Decision d;
        d.line = line_of(t);
        d.service = text(t, "service", "decision.", true);
        const std::string where = "decision." + (d.service.empty() ? std::string("?") : d.service) + ".";
        allow_keys(t, where, {"year", "service", "id", "requested", "outcome", "note"});
        d.year = year(t, where);
        d.id = text(t, "id", where, false);
        if (const toml::node* r = t.get("requested"); r && r->is_boolean()) d.requested = r->value_or(false);
        else problem(r ? *r : static_cast<const toml::node&>(t), where + "requested", "give requested = true or false");
        const std::string outcome = text(t, "outcome", where, true);
        if (outcome == "agreed") d.outcome = Decision::Outcome::agreed;
        else if (outcome == "not agreed") d.outcome = Decision::Outcome::not_agreed;
        else if (outcome == "n/a") d.outcome = Decision::Outcome::not_applicable;
        else if (!outcome.empty()) problem(*t.get("outcome"), where + "outcome", "\"" + outcome + "\": agreed, not agreed or n/a");
        if (!outcome.empty() && d.requested == (d.outcome == Decision::Outcome::not_applicable))
            problem(*t.get("outcome"), where + "outcome",
                    d.requested ? "a service requested was agreed or not agreed" : "a service not requested has outcome \"n/a\"");
        if (!d.service.empty() && !decided_.insert({d.year, d.service}).second)
            problem(t, where + "service", "decided twice in " + d.year);
        return d;
    }

    PastRates read_rates(const toml::table& t) {
        PastRates p;
        p.line = line_of(t);
        p.service = text(t, "service", "rates.", true);
        const std::string where = "rates." + (p.service.empty() ? std::string("?") : p.service) + ".";
        allow_keys(t, where, {"service", "year", "rates", "note"});
        p.year = year(t, where);
        p.note = text(t, "note", where, false);
        const toml::node* r = t.get("rates");
        const toml::table* table = r ? r->as_table() : nullptr;
        if (!table || table->empty()) problem(r ? *r : static_cast<const toml::node&>(t), where + "rates", "give rates, e.g. rates = { AWPU = \"19.89\" }");
        std::set<calc::Factor> seen;
        for (const auto& [key, value] : table ? in_file_order(*table) : std::vector<std::pair<std::string, const toml::node*>>{}) {
            const std::string at = where + "rates." + key;
            const auto factor = calc::factor_from_code(key);
            if (!factor) problem(*value, at, "unknown factor (" + calc::factor_codes() + ")");
            else if (!seen.insert(*factor).second) problem(*value, at, "given twice (names are not case-sensitive)");
            else if (auto rate = read_rate(*value, at, *factor)) p.rates.push_back({*factor, calc::Rate{*rate}});
        }
        if (!p.service.empty() && !p.year.empty() && !rated_.insert({p.service, p.year}).second)
            problem(t, where + "year", p.year + " given twice for " + p.service);
        return p;
    }

    ServiceFigure read_figure(const toml::table& t) {
        ServiceFigure f;
        f.line = line_of(t);
        allow_keys(t, "figure.", {"service", "label", "value", "note"});
        f.service = text(t, "service", "figure.", true);
        f.label = text(t, "label", "figure.", true);
        if (const toml::node* v = t.get("value"); v && (v->is_integer() || v->is_floating_point()))
            problem(*v, "figure.value", "write the value as text, as it is to be shown: value = \"105\"");
        else f.value = text(t, "value", "figure.", true);
        return f;
    }

    FormulaValue read_formula(const toml::table& t) {
        FormulaValue f;
        f.line = line_of(t);
        allow_keys(t, "formula_value.", {"year", "factor", "rate", "note"});
        f.year = year(t, "formula_value.");
        const std::string code = text(t, "factor", "formula_value.", true);
        if (const auto factor = calc::factor_from_code(code)) f.factor = *factor;
        else if (!code.empty()) problem(*t.get("factor"), "formula_value.factor", "unknown factor (" + calc::factor_codes() + ")");
        if (const toml::node* r = t.get("rate")) {
            if (auto rate = read_rate(*r, "formula_value.rate", f.factor)) f.rate = calc::Rate{*rate};
        } else {
            problem(t, "formula_value.rate", "missing");
        }
        return f;
    }

    std::optional<calc::Decimal> read_rate(const toml::node& value, const std::string& at, calc::Factor factor) {
        if (!value.is_string() && !value.is_integer() && !value.is_floating_point()) {
            problem(value, at, "a rate must be a number or a string such as \"19.89\"");
            return std::nullopt;
        }
        const auto n = number(value, at);
        if (!n) return std::nullopt;
        if (const auto why = calc::separator_problem(value.as_string() ? value.as_string()->get() : n->value.to_string(), factor))
            problem(value, at, *why);
        else if (n->percent) problem(value, at, "a rate is in pounds, not a percentage");
        else if (const auto bad = calc::rate_problem(n->value)) problem(value, at, *bad);
        else return n->value;
        return std::nullopt;
    }
};

}  // namespace

History load_history(std::string_view text, const std::string& file) {
    Reader reader(text, file);
    History h = reader.read();
    reader.throw_if_problems();
    h.source = file;
    return h;
}

History load_history_file(const std::string& path) { return load_history(io::read_text_file(path), path); }

}  // namespace rates
