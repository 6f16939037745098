#include "app/check.hpp"

#include "app/embedded.hpp"
#include "app/forecast.hpp"
#include "app/inputs.hpp"
#include "calc/diagnostic.hpp"
#include "calc/effective_rates.hpp"
#include "calc/eligibility.hpp"
#include "calc/money_format.hpp"
#include "calc/tables.hpp"
#include "model/ledger.hpp"
#include "model/rate_rules.hpp"

#include <algorithm>
#include <map>

namespace app {

namespace {

using rates::FigureKind;
using rates::PublishedFigure;
using report::FigureCheck;
using report::FigureUnit;

std::string ids_of(const calc::Schedule& schedule) {
    std::string ids;
    for (const calc::Service& s : schedule.services) ids += (ids.empty() ? "" : ", ") + s.id;
    return ids;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

// Everything a figures file names, loaded, with every option's tables on the census.
struct Loaded {
    Inputs in;
    std::vector<rates::LedgerFile> ledgers;
    std::vector<calc::ServiceTable> tables;           ///< the proposal's
    std::vector<calc::ServiceTable> previous_tables;  ///< last year's schedule on this census
    std::string words;                                ///< the inputs, for the report
};

Loaded load(const rates::PublishedPaper& paper) {
    InputSpec spec;
    spec.wants_previous = true;
    if (!paper.inputs.shipped) {
        spec.census = paper.inputs.census;
        spec.rates = paper.inputs.rates;
        spec.previous = paper.inputs.previous;
    }
    Loaded l{load_inputs(spec), {}, {}, {}, {}};
    if (paper.inputs.shipped) l.ledgers.push_back(load_ledger(LedgerSpec{}));
    for (const std::string& file : paper.inputs.ledgers) l.ledgers.push_back(load_ledger(LedgerSpec{"", file}));
    check_ledgers_against(l.ledgers, l.in.schedule);
    l.tables = calc::build_tables(l.in.census, l.in.schedule, nullptr);
    if (l.in.previous) l.previous_tables = calc::build_tables(l.in.census, *l.in.previous, nullptr);
    if (paper.inputs.shipped)
        l.words = "the shipped Havering inputs (" + std::string(kDefaultRates) + ", " + std::string(kDefaultPrevious) + ", " +
                  std::string(kDefaultCensus) + ", model/havering/maternity.toml)";
    else {
        std::vector<std::string> files{paper.inputs.rates, paper.inputs.census};
        if (!paper.inputs.previous.empty()) files.push_back(paper.inputs.previous);
        for (const std::string& f : paper.inputs.ledgers) files.push_back(f);
        l.words = joined(files);
    }
    return l;
}

const calc::ServiceTable& table_of(const std::vector<calc::ServiceTable>& tables, std::size_t service, std::size_t option) {
    for (const calc::ServiceTable& t : tables)
        if (t.service == service && t.option == option) return t;
    throw std::logic_error("build_tables made no table for a service option");
}

std::string pounds(const calc::Decimal& d) { return calc::format_pounds_exact(d); }

// "to £1,000", "to the pound", "to the penny", "to 1 place" for the working's words.
std::string precision_words(const PublishedFigure& f, FigureUnit unit) {
    if (unit == FigureUnit::pounds) {
        if (f.places == 2) return "to the penny";
        if (f.places == 0) return "to the pound";
        std::string unit_text = "1";
        for (int i = 0; i < -f.places; ++i) unit_text += "0";
        return "to £" + calc::group_thousands(unit_text);
    }
    return "to " + std::to_string(f.places) + (f.places == 1 ? " place" : " places");
}

/// A service, one of its options, in one schedule.
struct Selected {
    const calc::Schedule* schedule = nullptr;
    std::size_t service = 0;
    std::size_t option = 0;
    const calc::Service& svc() const { return schedule->services[service]; }
    const calc::RateOption& opt() const { return svc().options[option]; }
};

class Checker {
public:
    Checker(const rates::PublishedPaper& paper, const Loaded& loaded) : paper_(paper), l_(loaded) {}

    report::CheckReport run() {
        report::CheckReport out{paper_.file, paper_.title, l_.words, {}, {}};
        for (const PublishedFigure& f : paper_.figures) try {
                if (auto c = check(f)) out.figures.push_back(std::move(*c));
            } catch (const calc::DecimalOverflow& e) {
                problem(f.line, "printed", std::string("cannot be worked with exactly: ") + e.what());
            }
        if (paper_.introduction) out.findings.push_back(introduction());
        if (auto p = pupils_charged()) out.findings.push_back(std::move(*p));
        if (!problems_.empty()) throw calc::InputError(std::move(problems_));
        return out;
    }

private:
    const rates::PublishedPaper& paper_;
    const Loaded& l_;
    std::vector<calc::Diagnostic> problems_;

    void problem(long line, const std::string& key, std::string message) {
        problems_.push_back({paper_.file, line, key, std::move(message)});
    }

    const calc::Census& census() const { return l_.in.census; }
    const calc::Schedule& proposal() const { return l_.in.schedule; }

    const std::vector<calc::ServiceTable>& tables_for(const calc::Schedule* s) const {
        return s == &proposal() ? l_.tables : l_.previous_tables;
    }

    // The schedule the figure's year names: the proposal's (the default) or last year's.
    const calc::Schedule* schedule_for(const PublishedFigure& f) {
        if (f.year.empty() || f.year == proposal().year) return &proposal();
        if (l_.in.previous && f.year == l_.in.previous->year) return &*l_.in.previous;
        problem(f.year_line, "year",
                "\"" + f.year + "\" is not the proposal's year (" + proposal().year + ")" +
                    (l_.in.previous ? " or last year's (" + l_.in.previous->year + ")"
                                    : " and no previous schedule is given ([inputs] previous)"));
        return nullptr;
    }

    const calc::Schedule* previous_for(const PublishedFigure& f) {
        if (l_.in.previous) return &*l_.in.previous;
        problem(f.line, "what", "a " + std::string(rates::name_of(f.kind)) +
                                    " compares with last year: name last year's schedule in [inputs] previous");
        return nullptr;
    }

    // The figure's service in `schedule`, under the figure's option (or the selected one).
    std::optional<Selected> select(const calc::Schedule* schedule, const PublishedFigure& f, bool use_option) {
        if (!schedule) return std::nullopt;
        for (std::size_t s = 0; s < schedule->services.size(); ++s) {
            const calc::Service& svc = schedule->services[s];
            if (svc.id != f.service) continue;
            if (!use_option || f.option.empty()) return Selected{schedule, s, svc.selected};
            std::vector<std::string> ids;
            for (std::size_t o = 0; o < svc.options.size(); ++o) {
                if (svc.options[o].id == f.option) return Selected{schedule, s, o};
                ids.push_back(svc.options[o].id);
            }
            problem(f.option_line, "option", svc.id + " has no option \"" + f.option + "\" in the " + schedule->year +
                                                 " schedule (" + joined(ids) + ")");
            return std::nullopt;
        }
        problem(f.service_line, "service",
                "no service \"" + f.service + "\" in the " + schedule->year + " schedule (" + ids_of(*schedule) + ")");
        return std::nullopt;
    }

    std::string service_words(const Selected& s, const PublishedFigure& f) const {
        std::string words = s.svc().name;
        if (!f.option.empty() || s.svc().options.size() > 1) words += " (" + s.opt().label + ")";
        return words;
    }

    // The amount a total or cut names: one factor's column, one phase's part, or the whole service.
    std::optional<calc::Decimal> amount(const Selected& s, const PublishedFigure& f, std::string& words) {
        const calc::ServiceTable& t = table_of(tables_for(s.schedule), s.service, s.option);
        if (f.factor) {
            for (const calc::FactorColumn& c : t.columns)
                if (c.factor == *f.factor && (!f.phase || c.phase == *f.phase)) {
                    words = std::string(calc::label_of(c.factor)) + " total, " + std::string(calc::name_of(c.phase));
                    return c.exact.value;
                }
            problem(f.factor_line, "factor", s.svc().id + " charges no " + std::string(calc::code_of(*f.factor)) +
                                                 (f.phase ? " to " + std::string(calc::name_of(*f.phase)) : "") + " in " +
                                                 s.schedule->year);
            return std::nullopt;
        }
        if (f.phase) {
            for (const calc::PhaseTotal& p : t.phases)
                if (p.phase == *f.phase) {
                    words = std::string(calc::name_of(p.phase)) + " total";
                    return p.exact.value;
                }
            problem(f.line, "phase", s.svc().id + " is not charged to " + std::string(calc::name_of(*f.phase)) + " in " +
                                         s.schedule->year);
            return std::nullopt;
        }
        words = "total";
        return t.exact_total.value;
    }

    // The phase a rate or count is of: the figure's, or the first the service lists.
    std::optional<calc::Phase> phase_of(const Selected& s, const PublishedFigure& f) {
        const calc::Service& svc = s.svc();
        if (f.phase && !svc.covers(*f.phase)) {
            problem(f.line, "phase", svc.id + " is not charged to " + std::string(calc::name_of(*f.phase)) + " in " +
                                         s.schedule->year);
            return std::nullopt;
        }
        if (f.phase) return f.phase;
        if (svc.phases.empty()) {
            problem(f.service_line, "service", svc.id + " is charged to no phase in " + s.schedule->year);
            return std::nullopt;
        }
        return svc.phases.front();
    }

    // The rate the engine charges a phase for the figure's factor (or the phase's only factor).
    std::optional<std::pair<calc::Factor, calc::Rate>> rate_of(const Selected& s, const PublishedFigure& f, calc::Phase phase) {
        const calc::RatesByPhase rates = calc::effective_rates(census(), s.svc(), s.opt(), s.schedule->rounding);
        std::vector<std::pair<calc::Factor, calc::Rate>> charged;
        for (const auto& entry : rates[calc::index_of(phase)])
            if (calc::factor_applies(phase, entry.first)) charged.push_back(entry);
        if (f.factor) {
            for (const auto& entry : charged)
                if (entry.first == *f.factor) return entry;
            problem(f.factor_line, "factor", s.svc().id + " charges no " + std::string(calc::code_of(*f.factor)) + " to " +
                                                 std::string(calc::name_of(phase)) + " in " + s.schedule->year);
            return std::nullopt;
        }
        if (charged.size() == 1) return charged.front();
        std::vector<std::string> codes;
        for (const auto& entry : charged) codes.emplace_back(calc::code_of(entry.first));
        problem(f.line, "factor", s.svc().id + " charges " + std::to_string(charged.size()) + " factors to " +
                                      std::string(calc::name_of(phase)) + " (" + joined(codes) + "): name one with factor =");
        return std::nullopt;
    }

    static FigureCheck start(const PublishedFigure& f, FigureUnit unit) {
        FigureCheck c;
        c.line = f.line;
        c.where = f.where;
        c.what = std::string(rates::name_of(f.kind));
        c.printed_text = f.printed_text;
        c.printed = f.printed;
        c.places = f.places;
        c.unit = unit;
        c.note = f.note;
        return c;
    }

    // An exact computed figure against the printed one, at the printed precision.
    static void compare_exact(FigureCheck& c, const PublishedFigure& f) {
        c.at_printed = c.computed.round(c.places, calc::kPresentationRounding);
        c.reconciles = c.at_printed == c.printed;
        if (c.reconciles) return;
        const std::string at = report::figure_text(c.at_printed, c.unit, c.places);
        c.working += (c.working.empty() ? "" : "; ") + std::string("that is ") + at + " " + precision_words(f, c.unit) +
                     ", not " + f.printed_text + ".";
    }

    // A quotient a ÷ b (× 100 for a percentage): compared at the printed places, shown to two more.
    static void compare_quotient(FigureCheck& c, const calc::Decimal& a, const calc::Decimal& b) {
        const int extra = c.unit == FigureUnit::percent ? 1 : 2;
        c.computed = calc::divide(a, b, std::max(c.places, 0) + extra, calc::kPresentationRounding);
        c.computed_exact = false;
        c.at_printed = calc::divide(a, b, c.places, calc::kPresentationRounding);
        c.reconciles = c.at_printed == c.printed;
    }

    std::optional<FigureCheck> check(const PublishedFigure& f) {
        switch (f.kind) {
            case FigureKind::rate: return check_rate(f);
            case FigureKind::total: return check_total(f);
            case FigureKind::pupils: return check_pupils(f);
            case FigureKind::cut: return check_cut(f);
            case FigureKind::change:
            case FigureKind::rise: return check_change(f);
            case FigureKind::ledger: return check_ledger(f);
            case FigureKind::range: return check_range(f);
        }
        return std::nullopt;
    }

    std::optional<FigureCheck> check_rate(const PublishedFigure& f) {
        const auto s = select(schedule_for(f), f, true);
        if (!s) return std::nullopt;
        const auto phase = phase_of(*s, f);
        if (!phase) return std::nullopt;
        const auto rate = rate_of(*s, f, *phase);
        if (!rate) return std::nullopt;
        FigureCheck c = start(f, FigureUnit::pounds);
        c.claim = service_words(*s, f) + " — " + std::string(calc::code_of(rate->first)) + " rate, " +
                  std::string(calc::name_of(*phase)) + ", " + s->schedule->year;
        c.computed = rate->second.value;
        c.working = "the rate the " + s->schedule->year + " schedule charges " + std::string(calc::name_of(*phase)) + " schools";
        compare_exact(c, f);
        return c;
    }

    std::optional<FigureCheck> check_total(const PublishedFigure& f) {
        const auto s = select(schedule_for(f), f, true);
        if (!s) return std::nullopt;
        std::string words;
        const auto value = amount(*s, f, words);
        if (!value) return std::nullopt;
        FigureCheck c = start(f, FigureUnit::pounds);
        c.claim = service_words(*s, f) + " — " + words + ", " + s->schedule->year +
                  (s->schedule == &proposal() ? "" : " (on this census)");
        c.computed = *value;
        c.working = "the engine's exact " + words + " is " + pounds(*value);
        compare_exact(c, f);
        return c;
    }

    std::optional<FigureCheck> check_pupils(const PublishedFigure& f) {
        const auto s = select(schedule_for(f), f, true);
        if (!s) return std::nullopt;
        const auto phase = phase_of(*s, f);
        if (!phase) return std::nullopt;
        const calc::Factor factor = f.factor.value_or(*phase == calc::Phase::special ? calc::Factor::PLACE : calc::Factor::AWPU);
        FigureCheck c = start(f, FigureUnit::count);
        c.claim = service_words(*s, f) + " — " + std::string(calc::row_of(factor).units) + " charged (" +
                  std::string(calc::code_of(factor)) + "), " + std::string(calc::name_of(*phase));
        c.computed = calc::charged_base(census(), s->svc(), factor, *phase);
        c.working = "the census's " + std::string(calc::row_of(factor).units) + " at the " + std::string(calc::name_of(*phase)) +
                    " schools " + s->svc().id + " charges (academies and exempt schools left out) add to " +
                    calc::format_count(c.computed);
        compare_exact(c, f);
        return c;
    }

    std::optional<FigureCheck> check_cut(const PublishedFigure& f) {
        const auto now = select(&proposal(), f, true);
        const auto before = select(previous_for(f), f, false);
        if (!now || !before) return std::nullopt;
        std::string words;
        const auto after_amount = amount(*now, f, words);
        const auto before_amount = amount(*before, f, words);
        if (!after_amount || !before_amount) return std::nullopt;
        FigureCheck c = start(f, FigureUnit::pounds);
        c.claim = service_words(*now, f) + " — cut in the " + words + ", " + before->schedule->year + " to " + proposal().year;
        c.computed = *before_amount - *after_amount;
        c.working = before->schedule->year + " " + words + " " + pounds(*before_amount) + " − " + proposal().year + " " + words +
                    " " + pounds(*after_amount) + " = " + pounds(c.computed) + " (both on this census)";
        compare_exact(c, f);
        return c;
    }

    // A change or rise: of a rate (or, for a change, a total) from last year to this.
    std::optional<FigureCheck> check_change(const PublishedFigure& f) {
        const auto now = select(&proposal(), f, true);
        const auto before = select(previous_for(f), f, false);
        if (!now || !before) return std::nullopt;
        FigureCheck c = start(f, FigureUnit::percent);
        const std::string years = before->schedule->year + " to " + proposal().year;
        calc::Decimal from, to;
        std::optional<std::pair<calc::Factor, calc::Rate>> rate_now;
        if (f.kind == FigureKind::change && f.of == "total") {
            std::string words;
            const auto a = amount(*before, f, words);
            const auto b = amount(*now, f, words);
            if (!a || !b) return std::nullopt;
            from = *a, to = *b;
            c.claim = service_words(*now, f) + " — change in the " + words + ", " + years;
        } else {
            const auto phase = phase_of(*now, f);
            if (!phase) return std::nullopt;
            rate_now = rate_of(*now, f, *phase);
            if (!rate_now) return std::nullopt;
            PublishedFigure same = f;
            same.factor = rate_now->first;
            same.phase = *phase;
            if (!phase_of(*before, same)) return std::nullopt;
            const auto rate_before = rate_of(*before, same, *phase);
            if (!rate_before) return std::nullopt;
            from = rate_before->second.value, to = rate_now->second.value;
            c.claim = service_words(*now, f) + " — " + (f.kind == FigureKind::rise ? "rise" : "change") + " in the " +
                      std::string(calc::code_of(rate_now->first)) + " rate, " + std::string(calc::name_of(*phase)) + ", " + years;
        }
        if (from.is_zero()) {
            c.reconciles = false;
            c.working = "last year's figure was £0: no change in percent can be worked out";
            return c;
        }
        compare_quotient(c, (to - from) * calc::Decimal(100), from);
        const std::string actual = pounds(from) + " → " + pounds(to) + " is a change of " + c.computed.to_string() + "%";
        if (f.kind == FigureKind::change) {
            c.working = actual + (c.reconciles ? "." : ", not " + f.printed_text + ".");
            return c;
        }
        // A rise claims this year's rate is last year's raised by the printed percentage, as rates are set.
        calc::RateDerivation d;
        d.rule = calc::RateDerivation::Rule::uplift;
        d.from = from;
        d.by = calc::divide(f.printed, calc::Decimal(100), f.printed.scale() + 2, calc::RoundingMode::half_up);  // exact
        d.round = f.round;
        d.places = std::max(2, to.scale());
        const calc::Decimal given = model::derive_rate(d, now->opt());
        c.reconciles = given == to;
        c.working = model::describe(d, now->opt()) +
                    (c.reconciles ? ", the rate charged." : ", not the " + pounds(to) + " charged; " + actual + ".");
        return c;
    }

    std::optional<FigureCheck> check_ledger(const PublishedFigure& f) {
        const rates::LedgerFile* file = nullptr;
        std::vector<std::string> services;
        for (const rates::LedgerFile& lf : l_.ledgers) {
            if (lf.ledger.service == f.service) file = &lf;
            services.push_back(lf.ledger.service);
        }
        if (!file) {
            problem(f.service_line, "service",
                    "no ledger for \"" + f.service + "\"" +
                        (services.empty() ? ": name its file in [inputs] ledgers" : " (ledgers: " + joined(services) + ")"));
            return std::nullopt;
        }
        const std::vector<model::LedgerRow> rows = model::run_ledger(file->ledger);
        const auto row = std::find_if(rows.begin(), rows.end(), [&](const model::LedgerRow& r) { return r.input.year == f.year; });
        if (row == rows.end()) {
            std::vector<std::string> years;
            for (const model::LedgerRow& r : rows) years.push_back(r.input.year);
            problem(f.year_line, "year", "the " + f.service + " ledger has no year \"" + f.year + "\" (" + joined(years) + ")");
            return std::nullopt;
        }
        FigureCheck c = start(f, f.row == "pupils" ? FigureUnit::count : FigureUnit::pounds);
        c.claim = file->ledger.name + " ledger — " + f.row + ", " + f.year;
        if (f.row == "budget") {
            c.computed = row->exact_budget.value;
            c.working = "rate × pupils: " + calc::format_rate(row->input.rate.value) + " × " +
                        calc::format_count(calc::Decimal(row->input.pupils)) + " = " + pounds(c.computed);
        } else if (f.row == "outturn") {
            c.computed = row->outturn;
            c.working = "budget " + calc::format_pounds(row->budget, 0) + " − spend " + pounds(row->input.spend) + " = " +
                        pounds(c.computed);
        } else if (f.row == "balance") {
            c.computed = row->balance;
            c.working = "the balance carried forward after " + f.year;
        } else {
            c.computed = f.row == "spend" ? row->input.spend
                         : f.row == "rate" ? row->input.rate.value
                                           : calc::Decimal(row->input.pupils);
            c.working = "as the ledger file records it";
        }
        compare_exact(c, f);
        return c;
    }

    std::optional<FigureCheck> check_range(const PublishedFigure& f) {
        const auto s = select(schedule_for(f), f, true);
        if (!s) return std::nullopt;
        const calc::ServiceTable& t = table_of(tables_for(s->schedule), s->service, s->option);
        FigureCheck c = start(f, FigureUnit::pounds);
        c.claim = service_words(*s, f) + " — " + f.statistic + " charge on one school, " + s->schedule->year;
        if (!t.range) {
            c.reconciles = false;
            c.working = s->svc().id + " charges no school on this census";
            return c;
        }
        const std::string schools = std::to_string(t.schools_charged) + " schools charged";
        if (f.statistic == "mean") {
            compare_quotient(c, t.sum_of_rounded.value, calc::Decimal(static_cast<long long>(t.schools_charged)));
            c.working = "each school's charge to the penny, added (" + pounds(t.sum_of_rounded.value) + "), ÷ " + schools;
            if (!c.reconciles)
                c.working += "; that is " + report::figure_text(c.at_printed, c.unit, c.places) + ", not " + f.printed_text + ".";
            return c;
        }
        c.computed = f.statistic == "lowest" ? t.range->lowest : f.statistic == "median" ? t.range->median : t.range->highest;
        c.working = "over the " + schools + " (each charge to the penny, then to the pound half up)";
        compare_exact(c, f);
        return c;
    }

    bool known(const std::string& id) const { return proposal().find(id) != nullptr; }

    report::Finding introduction() {
        const std::vector<std::string>& named = *paper_.introduction;
        for (const std::string& id : named)
            if (!known(id))
                problem(paper_.introduction_line, "paper.introduction",
                        "no service \"" + id + "\" in the " + proposal().year + " schedule (" + ids_of(proposal()) + ")");
        report::Finding out{"introduction", false, "", {}};
        for (const calc::ServiceTable& t : l_.tables) {
            const calc::Service& svc = proposal().services[t.service];
            if (!t.selected || t.schools_charged == 0) continue;
            if (std::find(named.begin(), named.end(), svc.id) != named.end()) continue;
            out.lines.push_back(svc.name + " (" + svc.id + ") is charged to " + std::to_string(t.schools_charged) +
                                " schools, " + pounds(t.exact_total.value) + " under \"" + svc.selected_option().label +
                                "\", but the introduction does not name it.");
        }
        out.flagged = !out.lines.empty();
        out.title = out.flagged ? "Services charged but not named in the introduction"
                                : "The introduction names every service charged";
        out.lines.push_back("The introduction names: " + joined(named) + ".");
        return out;
    }

    // Every service of a mainstream phase should be charged on the same pupils
    // unless the paper says some schools are exempt; where they are not, say
    // which schools the census exempts and whether the paper states it.
    std::optional<report::Finding> pupils_charged() {
        for (const std::string& id : paper_.exemptions)
            if (!known(id))
                problem(paper_.exemptions_line, "paper.exemptions",
                        "no service \"" + id + "\" in the " + proposal().year + " schedule (" + ids_of(proposal()) + ")");
        report::Finding out{"pupils", false, "", {}};
        bool differ = false;
        for (calc::Phase phase : {calc::Phase::primary, calc::Phase::secondary, calc::Phase::all_through}) {
            std::map<calc::Decimal, std::vector<std::string>> by_count;
            std::vector<std::string> charged_ids;
            for (const calc::ServiceTable& t : l_.tables) {
                const calc::Service& svc = proposal().services[t.service];
                if (!t.selected || !svc.covers(phase)) continue;
                const auto p = std::find_if(t.phases.begin(), t.phases.end(), [&](const auto& x) { return x.phase == phase; });
                if (p == t.phases.end() || p->schools_charged == 0) continue;
                by_count[calc::charged_base(census(), svc, calc::Factor::AWPU, phase)].push_back(svc.id);
                charged_ids.push_back(svc.id);
            }
            if (by_count.empty()) continue;
            const std::string name(calc::name_of(phase));
            if (by_count.size() == 1) {
                out.lines.push_back("Every " + name + " service is charged on the same " +
                                    calc::format_count(by_count.begin()->first) + " pupils.");
                continue;
            }
            differ = true;
            for (auto it = by_count.rbegin(); it != by_count.rend(); ++it)
                out.lines.push_back(calc::format_count(it->first) + " " + name + " pupils: " + joined(it->second) + ".");
            exempt_schools(phase, charged_ids, out);
        }
        if (out.lines.empty()) return std::nullopt;
        out.title = !differ     ? "Every service is charged on the same pupils"
                    : out.flagged ? "Services charged on different pupils, for exemptions the paper does not state"
                                  : "Services charged on different pupils, for the exemptions the paper states";
        return out;
    }

    void exempt_schools(calc::Phase phase, const std::vector<std::string>& charged_ids, report::Finding& out) {
        std::vector<std::string> unstated;
        for (const calc::School& school : census().schools) {
            if (school.phase != phase || school.governance != calc::Governance::maintained || school.exempt.empty()) continue;
            std::vector<std::string> from;
            for (const std::string& id : school.exempt)
                if (std::find(charged_ids.begin(), charged_ids.end(), id) != charged_ids.end()) {
                    from.push_back(id);
                    if (std::find(paper_.exemptions.begin(), paper_.exemptions.end(), id) == paper_.exemptions.end() &&
                        std::find(unstated.begin(), unstated.end(), id) == unstated.end())
                        unstated.push_back(id);
                }
            if (from.empty()) continue;
            out.lines.push_back("The census exempts " + std::string(school.name.view()) + " (URN " +
                                std::string(school.urn.view()) + ", " + census().source + " line " +
                                std::to_string(school.source_line) + ", " + std::to_string(school.nor) +
                                " pupils) from " + joined(from) + ".");
        }
        if (unstated.empty()) {
            out.lines.push_back("The paper states these exemptions ([paper] exemptions).");
            return;
        }
        out.flagged = true;
        out.lines.push_back("The paper states no exemption from " + joined(unstated) +
                            ": its figures reconcile only with one it does not explain (list the services in [paper] "
                            "exemptions when it does).");
    }
};

}  // namespace

report::CheckReport check_published(const rates::PublishedPaper& paper) {
    const Loaded loaded = load(paper);
    return Checker(paper, loaded).run();
}

report::CheckReport check_published(const std::string& path) { return check_published(rates::load_published_file(path)); }

}  // namespace app
