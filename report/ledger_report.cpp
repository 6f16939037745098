#include "report/ledger_report.hpp"

#include "calc/money_format.hpp"
#include "report/markdown.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace report {

namespace {

std::string pounds(const calc::Decimal& d) { return calc::format_pounds(d, 0); }
std::string percent(const calc::Decimal& fraction) {
    return (fraction * calc::Decimal(100)).normalized().to_string() + "%";
}
std::string probability(double p) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f%%", p * 100.0);
    return text;
}

// Column heading: the year, with * for a forecast spend and † for a projection.
std::string heading(const model::LedgerRow& r, bool projected) {
    return r.input.year + (projected ? "†" : (r.input.forecast ? "*" : ""));
}

void write_rows(std::ostream& out, const std::vector<std::pair<const model::LedgerRow*, bool>>& rows) {
    std::vector<std::string> years, budget, spend, outturn, rate, pupils, balance;
    for (const auto& [r, projected] : rows) {
        years.push_back(heading(*r, projected));
        budget.push_back(pounds(r->budget));
        spend.push_back(pounds(r->input.spend));
        outturn.push_back(pounds(r->outturn));
        rate.push_back(calc::format_rate(r->input.rate.value));
        pupils.push_back(calc::format_count(calc::Decimal(r->input.pupils)));
        balance.push_back(pounds(r->balance));
    }
    markdown_heading(out, "", years);
    markdown_row(out, "Budget", budget);
    markdown_row(out, "Spend", spend);
    markdown_row(out, "Outturn", outturn);
    markdown_row(out, "Rate", rate);
    markdown_row(out, "Applicable pupils", pupils);
    markdown_row(out, "Balance carried forward", balance);
}

std::string rule_words(const model::Assumptions& a) {
    std::string roll = a.roll == model::RollRule::flat    ? "flat (last year's pupils)"
                       : a.roll == model::RollRule::trend ? "least-squares trend of the history"
                                                          : percent(a.roll_percent) + " a year";
    std::string rate = a.rate == model::RateRule::hold        ? "held at last year's"
                       : a.rate == model::RateRule::pay       ? "raised with the pay award (rounded up to the penny)"
                       : a.rate == model::RateRule::breakeven ? "set to break even each year (rounded up to the penny)"
                                                              : "raised " + percent(a.rate_percent) + " a year (rounded up to the penny)";
    return "pupils " + roll + "; rate " + rate;
}

}  // namespace

void write_ledger_markdown(std::ostream& out, const std::string& name, const std::vector<model::LedgerRow>& rows) {
    out << "## " << markdown_text(name) << ": budget, spend and outturn\n\n";
    std::vector<std::pair<const model::LedgerRow*, bool>> cols;
    bool any_forecast = false;
    for (const auto& r : rows) {
        cols.push_back({&r, false});
        any_forecast = any_forecast || r.input.forecast;
    }
    write_rows(out, cols);
    out << "\nBudget = rate × applicable pupils, to the pound (half up); outturn = budget − spend; "
           "the balance carries surpluses and deficits forward.\n";
    if (any_forecast) out << "\\* spend is a forecast.\n";
}

void write_ledger_csv(std::ostream& out, const std::vector<model::LedgerRow>& rows) {
    out << "year,status,rate,pupils,exact_budget,budget,spend,outturn,balance\n";
    for (const auto& r : rows)
        out << r.input.year << ',' << (r.input.forecast ? "forecast" : "actual") << ',' << r.input.rate.value.to_string()
            << ',' << r.input.pupils << ',' << r.exact_budget.value.to_string() << ',' << r.budget.to_string() << ','
            << r.input.spend.to_string() << ',' << r.outturn.to_string() << ',' << r.balance.to_string() << '\n';
}

void write_forecast_markdown(std::ostream& out, const ForecastReport& r) {
    const model::Projection& p = r.projection;
    const model::Assumptions& a = r.assumptions;
    out << "## " << markdown_text(r.service_name) << ": forecast to " << p.projected.back().input.year << "\n\n";
    out << "Assumptions: spend grows with a pay award of " << percent(a.pay_award) << " a year";
    for (const auto& [year, v] : a.pay_award_by_year) out << " (" << percent(v) << " in " << year << ")";
    out << " and demand of " << percent(a.demand) << " a year";
    for (const auto& [year, v] : a.demand_by_year) out << " (" << percent(v) << " in " << year << ")";
    out << ", to the pound; " << rule_words(a) << ".\n\n";

    std::vector<std::pair<const model::LedgerRow*, bool>> cols;
    for (const auto& row : p.history) cols.push_back({&row, false});
    for (const auto& row : p.projected) cols.push_back({&row, true});
    write_rows(out, cols);
    out << "\n\\* spend is a forecast in the ledger; † projected here.\n\n";
    out << model::projection_rounding_words() << "\n\n";
    out << "- First projected year in shortfall: " << p.first_shortfall.value_or("none") << ".\n";
    out << "- Balance carried forward first below zero: " << p.first_negative_balance.value_or("never in this horizon")
        << ".\n";
    out << "- Cumulative position at the end of " << p.projected.back().input.year << ": "
        << pounds(p.projected.back().balance) << ".\n";

    if (r.outlook.empty()) return;
    out << "\n### Risk: " << calc::format_count(calc::Decimal(r.simulation.scenarios)) << " simulated scenarios (seed " << r.simulation.seed << ")\n\n";
    out << "Claims per year are Poisson with mean " << r.claims->per_year.to_string() << " in " << r.claims->cost_year
        << " (growing with demand), each costing " << calc::format_pounds_exact(r.claims->cost_per_claim) << " in "
        << r.claims->cost_year << " (growing with the pay award). " << model::claims_rounding_words() << " Budgets are the projection's.\n\n";
    out << "| Year | Mean claims | Outturn P5 | P25 | P50 | P75 | P95 | Balance P5 | P50 | P95 | P(shortfall) | P(balance < 0) |\n";
    out << "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const model::YearOutlook& o : r.outlook) {
        char claims[32];
        std::snprintf(claims, sizeof claims, "%.1f", o.claims.mean_claims);
        out << "| " << o.year << " | " << claims;
        for (const auto& v : o.outturn) out << " | " << pounds(v);
        out << " | " << pounds(o.balance[0]) << " | " << pounds(o.balance[2]) << " | " << pounds(o.balance[4]) << " | "
            << probability(o.p_shortfall) << " | " << probability(o.p_negative_balance) << " |\n";
    }
}

void write_forecast_csv(std::ostream& out, const ForecastReport& r) {
    out << "year,kind,rate,pupils,budget,spend,outturn,balance,p_shortfall,p_negative_balance,"
           "outturn_p5,outturn_p25,outturn_p50,outturn_p75,outturn_p95,balance_p5,balance_p25,balance_p50,balance_p75,"
           "balance_p95\n";
    auto line = [&](const model::LedgerRow& row, const char* kind, const model::YearOutlook* o) {
        out << row.input.year << ',' << kind << ',' << row.input.rate.value.to_string() << ',' << row.input.pupils << ','
            << row.budget.to_string() << ',' << row.input.spend.to_string() << ',' << row.outturn.to_string() << ','
            << row.balance.to_string() << ',';
        if (o) {
            out << o->p_shortfall << ',' << o->p_negative_balance;
            for (const auto& v : o->outturn) out << ',' << v.to_string();
            for (const auto& v : o->balance) out << ',' << v.to_string();
        } else {
            out << ",,,,,,,,,,,";
        }
        out << '\n';
    };
    for (const auto& row : r.projection.history) line(row, row.input.forecast ? "ledger-forecast" : "actual", nullptr);
    for (std::size_t i = 0; i < r.projection.projected.size(); ++i)
        line(r.projection.projected[i], "projected", r.outlook.empty() ? nullptr : &r.outlook[i]);
}

void write_forecast_json(std::ostream& out, const ForecastReport& r) {
    using nlohmann::json;
    auto row_json = [](const model::LedgerRow& row, const char* kind) {
        return json{{"year", row.input.year},     {"kind", kind},
                    {"rate", row.input.rate.value.to_string()}, {"pupils", row.input.pupils},
                    {"budget", row.budget.to_string()},        {"spend", row.input.spend.to_string()},
                    {"outturn", row.outturn.to_string()},      {"balance", row.balance.to_string()}};
    };
    json years = json::array();
    for (const auto& row : r.projection.history) years.push_back(row_json(row, row.input.forecast ? "ledger-forecast" : "actual"));
    for (std::size_t i = 0; i < r.projection.projected.size(); ++i) {
        json y = row_json(r.projection.projected[i], "projected");
        if (!r.outlook.empty()) {
            const auto& o = r.outlook[i];
            json pct = json::object();
            for (std::size_t k = 0; k < model::kPercentiles.size(); ++k) {
                const std::string name = "p" + std::to_string(static_cast<int>(model::kPercentiles[k]));
                pct["outturn"][name] = o.outturn[k].to_string();
                pct["balance"][name] = o.balance[k].to_string();
                pct["spend"][name] = o.spend[k].to_string();
            }
            y["simulated"] = pct;
            y["p_shortfall"] = o.p_shortfall;
            y["p_negative_balance"] = o.p_negative_balance;
        }
        years.push_back(y);
    }
    json doc = {{"service", r.service_name},
                {"pay_award", r.assumptions.pay_award.to_string()},
                {"demand", r.assumptions.demand.to_string()},
                {"first_shortfall", r.projection.first_shortfall.value_or("")},
                {"first_negative_balance", r.projection.first_negative_balance.value_or("")},
                {"rounding", model::projection_rounding_words()},
                {"years", years}};
    if (!r.outlook.empty()) {
        doc["scenarios"] = r.simulation.scenarios;
        doc["seed"] = r.simulation.seed;
        doc["claims_rounding"] = model::claims_rounding_words();
    }
    out << doc.dump(2) << '\n';
}

}  // namespace report
