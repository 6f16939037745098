#include "rates/ledger_loader.hpp"

#include "io/text_file.hpp"
#include "model/year_label.hpp"
#include "rates/toml_bounds.hpp"
#include "rates/toml_reader.hpp"

namespace rates {

namespace {

std::optional<calc::Decimal> percent_of(std::string_view text) {
    try {
        const calc::NumberText n = calc::parse_number(text);
        if (n.percent) return n.value;
    } catch (const calc::InvalidNumber&) {
    }
    return std::nullopt;
}

class Reader : public TomlReader {
public:
    using TomlReader::TomlReader;

    LedgerFile read() {
        const toml::table& doc = document();
        LedgerFile out;
        allow_keys(doc, "", {"ledger", "year", "assumptions", "claims"});
        if (const toml::table* head = doc["ledger"].as_table()) read_head(*head, out.ledger);
        else problem(doc, "ledger", "missing [ledger] table");
        read_years(doc, out.ledger);
        if (const toml::table* a = doc["assumptions"].as_table()) read_assumptions(*a, out.assumptions);
        if (const toml::table* c = doc["claims"].as_table()) out.claims = read_claims(*c);
        out.service_line = service_line_;
        return out;
    }

private:
    long service_line_ = 0;

    void read_head(const toml::table& t, model::Ledger& ledger) {
        allow_keys(t, "ledger.", {"service", "name", "opening_balance", "note"});
        ledger.service = text(t, "service", "ledger.", true);
        if (const toml::node* node = t.get("service")) service_line_ = static_cast<long>(node->source().begin.line);
        ledger.name = text(t, "name", "ledger.", true);
        if (auto n = number(t, "opening_balance", "ledger.", false)) ledger.opening_balance = n->value;
    }

    void read_years(const toml::table& doc, model::Ledger& ledger) {
        const toml::array* years = doc["year"].as_array();
        if (!years || years->empty()) {
            problem(doc, "year", "no [[year]] entries");
            return;
        }
        for (const toml::node& node : *years) {
            const toml::table* t = node.as_table();
            if (!t) continue;
            model::LedgerYear y;
            y.year = text(*t, "year", "year.", true);
            const std::string where = "year." + y.year + ".";
            allow_keys(*t, where, {"year", "rate", "pupils", "spend", "status", "note"});
            if (!ledger.years.empty() && !y.year.empty() && model::next_year(ledger.years.back().year) != y.year)
                problem(*t->get("year"), where + "year", "expected " + model::next_year(ledger.years.back().year).value_or("a year like 2025-26") +
                                                " after " + ledger.years.back().year);
            if (auto r = number(*t, "rate", where, true)) {
                if (r->value.sign() < 0 || r->percent) problem(*t->get("rate"), where + "rate", "a rate is a positive £ amount");
                else if (const auto why = calc::separator_problem(t->get("rate")->value_or(std::string()), calc::Factor::AWPU))
                    problem(*t->get("rate"), where + "rate", *why);
                y.rate = calc::Rate{r->value};
            }
            if (auto p = integer(*t, "pupils", where, true)) {
                if (*p < 0) problem(*t->get("pupils"), where + "pupils", "cannot be negative");
                else if (*p > 10'000'000) problem(*t->get("pupils"), where + "pupils", "more than 10,000,000 pupils");
                else {
                    y.pupils = *p;
                    try {
                        (void)(y.rate.value * calc::Decimal(*p));  // the budget must fit exact arithmetic
                    } catch (const calc::DecimalOverflow& e) {
                        problem(*t->get("rate"), where + "rate", std::string("rate × pupils is too large: ") + e.what());
                    }
                }
            }
            if (auto s = number(*t, "spend", where, true)) {
                // Spend, actual or projected, is money paid out: a credit is no spend of a de-delegated service.
                if (s->value.sign() < 0 || s->percent)
                    problem(*t->get("spend"), where + "spend", "spend is a £ amount of at least £0");
                else y.spend = s->value;
            }
            const std::string status = text(*t, "status", where, false);
            if (status == "forecast") y.forecast = true;
            else if (!status.empty() && status != "actual")
                problem(*t->get("status"), where + "status", "must be \"actual\" or \"forecast\"");
            y.note = text(*t, "note", where, false);
            ledger.years.push_back(std::move(y));
        }
    }

    void read_assumptions(const toml::table& t, model::Assumptions& a) {
        allow_keys(t, "assumptions.", {"pay_award", "demand", "roll", "rate", "note"});
        if (auto p = percentage(t, "pay_award")) a.pay_award = *p;
        if (auto d = percentage(t, "demand")) a.demand = *d;
        const std::string roll = text(t, "roll", "assumptions.", false);
        if (!roll.empty() && !parse_roll_rule(roll, a))
            problem(*t.get("roll"), "assumptions.roll", "must be flat, trend or a percentage such as \"1.5%\"");
        const std::string rate = text(t, "rate", "assumptions.", false);
        if (!rate.empty() && !parse_rate_rule(rate, a))
            problem(*t.get("rate"), "assumptions.rate", "must be hold, pay, breakeven or a percentage such as \"3%\"");
    }

    std::optional<calc::Decimal> percentage(const toml::table& t, std::string_view key) {
        const auto n = number(t, key, "assumptions.", false);
        if (!n) return std::nullopt;
        if (!n->percent) {
            problem(*t.get(key), "assumptions." + std::string(key), "write a percentage, e.g. \"5.5%\"");
            return std::nullopt;
        }
        return n->value;
    }

    model::ClaimsModel read_claims(const toml::table& t) {
        allow_keys(t, "claims.", {"per_year", "cost_per_claim", "cost_year", "note"});
        model::ClaimsModel c;
        if (auto n = number(t, "per_year", "claims.", true)) {
            if (n->value.sign() <= 0) problem(*t.get("per_year"), "claims.per_year", "must be above zero");
            c.per_year = n->value;
        }
        if (auto n = number(t, "cost_per_claim", "claims.", true)) {
            if (n->value.sign() <= 0) problem(*t.get("cost_per_claim"), "claims.cost_per_claim", "must be above zero");
            c.cost_per_claim = n->value;
        }
        c.cost_year = text(t, "cost_year", "claims.", true);
        return c;
    }
};

}  // namespace

bool parse_roll_rule(std::string_view text, model::Assumptions& a) {
    if (text == "flat") a.roll = model::RollRule::flat;
    else if (text == "trend") a.roll = model::RollRule::trend;
    else if (auto p = percent_of(text)) {
        a.roll = model::RollRule::percent;
        a.roll_percent = *p;
    } else return false;
    return true;
}

bool parse_rate_rule(std::string_view text, model::Assumptions& a) {
    if (text == "hold") a.rate = model::RateRule::hold;
    else if (text == "pay") a.rate = model::RateRule::pay;
    else if (text == "breakeven") a.rate = model::RateRule::breakeven;
    else if (auto p = percent_of(text)) {
        a.rate = model::RateRule::percent;
        a.rate_percent = *p;
    } else return false;
    return true;
}

LedgerFile load_ledger(std::string_view text, const std::string& file) {
    Reader reader(text, file);
    LedgerFile out = reader.read();
    reader.throw_if_problems();
    out.file = file;
    return out;
}

LedgerFile load_ledger_file(const std::string& path) {
    return load_ledger(io::read_text_file(path, {kTomlBounds.max_bytes, false}), path);
}

}  // namespace rates
