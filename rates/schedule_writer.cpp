#include "rates/schedule_writer.hpp"

#include "rates/schedule_loader.hpp"

#include <toml++/toml.h>

#include <sstream>

namespace rates {

namespace {

// A TOML basic string with the escapes TOML requires.
std::string quoted(const std::string& text) {
    std::ostringstream out;
    out << toml::value<std::string>(text);
    return out.str();
}

std::string rates_table(const std::vector<std::pair<calc::Factor, calc::Rate>>& rates) {
    std::string out = "{ ";
    for (std::size_t i = 0; i < rates.size(); ++i) {
        if (i > 0) out += ", ";
        out += std::string(calc::code_of(rates[i].first)) + " = \"" + rates[i].second.value.to_string() + "\"";
    }
    return out + " }";
}

void write_budget(std::ostringstream& out, const calc::BudgetRule& b, const std::string& indent) {
    if (b.budget) out << indent << "budget = \"" << b.budget->to_string() << "\"\n";
    if (!b.phase_budgets.empty()) {
        out << indent << "phase_budget = { ";
        for (std::size_t i = 0; i < b.phase_budgets.size(); ++i)
            out << (i ? ", " : "") << '"' << calc::name_of(b.phase_budgets[i].first) << "\" = \""
                << b.phase_budgets[i].second.to_string() << '"';
        out << " }\n";
    }
    out << indent << "basis = \"" << calc::code_of(b.basis) << "\"\n";
    out << indent << "places = " << b.places << '\n';
    out << indent << "round = \"" << calc::name_of(b.round) << "\"\n";
}

std::string derivation_table(const calc::RateDerivation& d) {
    std::string out = "{ ";
    switch (d.rule) {
        case calc::RateDerivation::Rule::uplift:
            out += "uplift = \"" + (d.by * calc::Decimal(100)).normalized().to_string() + "%\", from = \"" + d.from.to_string() + "\"";
            break;
        case calc::RateDerivation::Rule::target:
            out += "target = \"" + d.target.to_string() + "\", base = \"" + d.base.to_string() + "\"";
            break;
        case calc::RateDerivation::Rule::multiple:
            out += "multiple = \"" + d.by.to_string() + "\", " +
                   (d.of ? "of = \"" + std::string(calc::code_of(*d.of)) + "\"" : "from = \"" + d.from.to_string() + "\"");
            break;
    }
    if (d.round != calc::RoundingMode::up) out += ", round = \"" + std::string(calc::name_of(d.round)) + "\"";
    if (d.places != 2) out += ", places = " + std::to_string(d.places);
    return out + " }";
}

void write_option_fields(std::ostringstream& out, const calc::RateOption& option, const std::string& indent) {
    if (option.budget) {
        write_budget(out, *option.budget, indent);
    } else {
        out << indent << "rates = " << rates_table(option.rates) << '\n';
        if (!option.phase_rates.empty()) {
            out << indent << "phase_rates = { ";
            for (std::size_t i = 0; i < option.phase_rates.size(); ++i)
                out << (i ? ", " : "") << '"' << calc::name_of(option.phase_rates[i].phase)
                    << "\" = " << rates_table(option.phase_rates[i].rates);
            out << " }\n";
        }
    }
    if (!option.derived.empty()) {
        out << indent << "derive = { ";
        for (std::size_t i = 0; i < option.derived.size(); ++i)
            out << (i ? ", " : "") << calc::code_of(option.derived[i].first) << " = " << derivation_table(option.derived[i].second);
        out << " }\n";
    }
    if (option.present_to != 1) out << indent << "present_to = " << option.present_to << '\n';
    if (!option.derivation.empty()) out << indent << "derivation = " << quoted(option.derivation) << '\n';
}

}  // namespace

std::string write_schedule(const calc::Schedule& s) {
    std::ostringstream out;
    out << "[schedule]\n";
    out << "authority = " << quoted(s.authority) << '\n';
    out << "year = " << quoted(s.year) << '\n';
    if (!s.census_label.empty()) out << "census = " << quoted(s.census_label) << '\n';
    out << "rounding = \"" << calc::name_of(s.rounding.mode) << "\"\n";
    if (s.rounding.point != calc::RoundingPoint::per_school_per_service)
        out << "rounding_point = \"" << calc::name_of(s.rounding.point) << "\"\n";
    for (const calc::Service& service : s.services) {
        out << "\n[[service]]\n";
        out << "id = " << quoted(service.id) << '\n';
        out << "name = " << quoted(service.name) << '\n';
        out << "kind = \"" << calc::name_of(service.kind) << "\"\n";
        out << "phases = [";
        for (std::size_t i = 0; i < service.phases.size(); ++i)
            out << (i ? ", " : "") << '"' << calc::name_of(service.phases[i]) << '"';
        out << "]\n";
        const calc::RateOption& main = service.options.front();
        if (main.label != "Proposed") out << "label = " << quoted(main.label) << '\n';
        write_option_fields(out, main, "");
        if (service.proposed) out << "proposed = " << quoted(service.options[*service.proposed].id) << '\n';
        if (service.selected != service.proposed.value_or(0))
            out << "selected = " << quoted(service.options[service.selected].id) << '\n';
        for (std::size_t o = 1; o < service.options.size(); ++o) {
            const calc::RateOption& option = service.options[o];
            out << "\n  [[service.option]]\n";
            out << "  id = " << quoted(option.id) << '\n';
            out << "  label = " << quoted(option.label) << '\n';
            write_option_fields(out, option, "  ");
        }
    }
    return out.str();
}

}  // namespace rates
