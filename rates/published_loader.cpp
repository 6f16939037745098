#include "rates/published_loader.hpp"

#include "io/text_file.hpp"
#include "rates/toml_bounds.hpp"
#include "rates/toml_reader.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <utility>

namespace rates {

namespace {

constexpr std::array<std::pair<FigureKind, std::string_view>, 8> kKinds = {{{FigureKind::rate, "rate"},
                                                                            {FigureKind::total, "total"},
                                                                            {FigureKind::pupils, "pupils"},
                                                                            {FigureKind::cut, "cut"},
                                                                            {FigureKind::change, "change"},
                                                                            {FigureKind::rise, "rise"},
                                                                            {FigureKind::ledger, "ledger"},
                                                                            {FigureKind::range, "range"}}};

std::string kind_names() {
    std::string out;
    for (const auto& [kind, name] : kKinds) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

// "£1,000" is -3 places, "£1" 0, "£0.01" 2; anything but a power of ten is none.
std::optional<int> places_of_unit(const calc::Decimal& unit) {
    for (int p = 2; p >= -9; --p) {
        calc::Decimal power = p > 0 ? calc::Decimal::from_units(1, p) : calc::Decimal(1);
        for (int i = 0; i < -p; ++i) power = power * calc::Decimal(10);
        if (unit == power) return p;
    }
    return std::nullopt;
}

long line_of(const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    return n ? static_cast<long>(n->source().begin.line) : 0;
}

class Reader : public TomlReader {
public:
    Reader(std::string_view text, const std::string& file) : TomlReader(text, file), file_(file) {}

    PublishedPaper read() {
        const toml::table& doc = document();
        PublishedPaper out;
        allow_keys(doc, "", {"paper", "inputs", "figure"});
        if (const toml::table* paper = doc["paper"].as_table()) read_paper(*paper, out);
        else problem(doc, "paper", "missing [paper] table (title, and the services the introduction names)");
        if (const toml::table* inputs = doc["inputs"].as_table()) read_inputs(*inputs, out.inputs);
        else problem(doc, "inputs", "missing [inputs] table: shipped = \"havering\", or census and rates files");
        const toml::array* figures = doc["figure"].as_array();
        if (!figures || figures->empty()) problem(doc, "figure", "no [[figure]] entries: list the figures the paper prints");
        else
            for (const toml::node& node : *figures)
                if (const toml::table* t = node.as_table()) out.figures.push_back(read_figure(*t));
                else problem(node, "figure", "write figures as [[figure]] tables");
        return out;
    }

private:
    std::string file_;

    std::vector<std::string> service_list(const toml::table& t, std::string_view key, const std::string& where) {
        std::vector<std::string> out;
        const toml::node* n = t.get(key);
        const toml::array* list = n ? n->as_array() : nullptr;
        if (!list) {
            problem(*n, where, "give a list of service ids, e.g. [\"insurance\", \"maternity\"]");
            return out;
        }
        for (const toml::node& item : *list) {
            const auto* s = item.as_string();
            if (!s) problem(item, where, "a service id must be text in quotes");
            else if (std::find(out.begin(), out.end(), s->get()) != out.end())
                problem(item, where, "\"" + s->get() + "\" given twice");
            else out.push_back(s->get());
        }
        return out;
    }

    void read_paper(const toml::table& t, PublishedPaper& out) {
        allow_keys(t, "paper.", {"title", "source", "introduction", "exemptions", "note"});
        out.title = text(t, "title", "paper.", true);
        (void)text(t, "source", "paper.", false);
        (void)text(t, "note", "paper.", false);
        if (t.get("introduction")) {
            out.introduction = service_list(t, "introduction", "paper.introduction");
            out.introduction_line = line_of(t, "introduction");
        }
        if (t.get("exemptions")) {
            out.exemptions = service_list(t, "exemptions", "paper.exemptions");
            out.exemptions_line = line_of(t, "exemptions");
        }
    }

    // A path as written, resolved against the figures file's folder.
    std::string path(const toml::table& t, std::string_view key, bool required) {
        const std::string written = text(t, key, "inputs.", required);
        if (written.empty()) {
            if (t.get(key) && t.get(key)->is_string()) problem(*t.get(key), "inputs." + std::string(key), "an empty path; give a file");
            return {};
        }
        const std::filesystem::path p(written);
        if (p.is_absolute()) return written;
        return (std::filesystem::path(file_).parent_path() / p).lexically_normal().string();
    }

    void read_inputs(const toml::table& t, PublishedInputs& in) {
        allow_keys(t, "inputs.", {"shipped", "census", "rates", "previous", "ledgers", "note"});
        in.line = static_cast<long>(t.source().begin.line);
        if (const toml::node* shipped = t.get("shipped")) {
            const std::string name = text(t, "shipped", "inputs.", true);
            if (name != "havering" && !name.empty())
                problem(*shipped, "inputs.shipped", "unknown \"" + name + "\": the shipped inputs are \"havering\"");
            in.shipped = true;
            // The shipped census beside another LA's rates would be neither paper's figures.
            for (std::string_view key : {"census", "rates", "previous", "ledgers"})
                if (t.get(key))
                    problem(*t.get(key), "inputs." + std::string(key),
                            "given beside shipped = \"havering\": use the shipped inputs or files, not both");
            return;
        }
        in.census = path(t, "census", true);
        in.rates = path(t, "rates", true);
        in.previous = path(t, "previous", false);
        if (const toml::node* n = t.get("ledgers")) {
            const toml::array* list = n->as_array();
            if (!list) problem(*n, "inputs.ledgers", "give a list of ledger files, e.g. [\"maternity.toml\"]");
            for (std::size_t i = 0; list && i < list->size(); ++i) {
                const auto* s = (*list)[i].as_string();
                if (!s || s->get().empty()) {
                    problem((*list)[i], "inputs.ledgers", "a ledger file must be a non-empty path in quotes");
                    continue;
                }
                const std::filesystem::path p(s->get());
                in.ledgers.push_back(p.is_absolute() ? s->get()
                                                     : (std::filesystem::path(file_).parent_path() / p).lexically_normal().string());
            }
        }
    }

    // The finest place printed: 2 for "£40.49", 1 for "9.6%", 0 for "17,466".
    static int printed_places(std::string_view typed) {
        const std::size_t point = typed.find('.');
        if (point == std::string_view::npos) return 0;
        int places = 0;
        for (std::size_t i = point + 1; i < typed.size() && typed[i] >= '0' && typed[i] <= '9'; ++i) ++places;
        return places;
    }

    void read_printed(const toml::table& t, const std::string& where, PublishedFigure& f) {
        const toml::node* n = t.get("printed");
        if (!n) {
            problem(t, where + "printed", "missing: the figure as the paper prints it, e.g. \"£363,000\" or \"9.6%\"");
            return;
        }
        const auto number = this->number(*n, where + "printed");
        if (!number) return;
        f.printed_text = n->is_string() ? n->as_string()->get() : number->value.to_string();
        f.percent = number->percent;
        f.places = printed_places(f.printed_text);
        // In percentage points at the places printed ("9.6%" is 9.6): exact, the value had two more.
        try {
            f.printed = f.percent ? (number->value * calc::Decimal(100)).with_scale(f.places) : number->value;
        } catch (const calc::DecimalOverflow& e) {
            problem(*n, where + "printed", std::string("too large: ") + e.what());
        }
        if (const toml::node* to = t.get("to")) {
            if (f.percent) {
                problem(*to, where + "to", "a percentage is compared to the places it is printed with; leave out to");
                return;
            }
            const auto unit = this->number(*to, where + "to");
            if (!unit) return;
            const std::optional<int> places = places_of_unit(unit->value);
            if (!places) {
                problem(*to, where + "to", "must be a power of ten of pounds: \"£1\", \"£100\", \"£1,000\" (or \"£0.01\")");
                return;
            }
            if (*places > f.places) {
                problem(*to, where + "to", "finer than the figure is printed (" + f.printed_text + ")");
                return;
            }
            if (f.printed.round(*places, calc::RoundingMode::down) != f.printed) {
                problem(*to, where + "to", f.printed_text + " is not a whole number of " + text_of(*to));
                return;
            }
            f.places = *places;
        }
    }

    // The keys a figure of each kind may have: any other is refused, never ignored.
    void allow_figure_keys(const toml::table& t, const std::string& where, FigureKind kind) {
        switch (kind) {
            case FigureKind::rate:
            case FigureKind::total:
            case FigureKind::pupils:
                return allow_keys(t, where, {"where", "what", "printed", "to", "service", "option", "year", "phase", "factor", "note"});
            case FigureKind::cut:
                return allow_keys(t, where, {"where", "what", "printed", "to", "service", "option", "phase", "factor", "note"});
            case FigureKind::change:
                return allow_keys(t, where, {"where", "what", "printed", "service", "option", "phase", "factor", "of", "note"});
            case FigureKind::rise:
                return allow_keys(t, where, {"where", "what", "printed", "service", "option", "phase", "factor", "round", "note"});
            case FigureKind::ledger:
                return allow_keys(t, where, {"where", "what", "printed", "to", "service", "year", "row", "note"});
            case FigureKind::range:
                return allow_keys(t, where, {"where", "what", "printed", "to", "service", "option", "statistic", "note"});
        }
    }

    static std::string text_of(const toml::node& n) {
        if (const auto* s = n.as_string()) return s->get();
        return "that unit";
    }

    PublishedFigure read_figure(const toml::table& t) {
        PublishedFigure f;
        f.line = static_cast<long>(t.source().begin.line);
        const std::string what = text(t, "what", "figure.", true);
        std::string where = "figure." + (what.empty() ? std::string("?") : what) + ".";
        const auto kind = std::find_if(kKinds.begin(), kKinds.end(), [&](const auto& k) { return k.second == what; });
        if (kind == kKinds.end()) {
            if (!what.empty()) problem(*t.get("what"), "figure.what", "unknown \"" + what + "\" (" + kind_names() + ")");
            return f;
        }
        f.kind = kind->first;
        allow_figure_keys(t, where, f.kind);
        f.where = text(t, "where", where, true);
        f.note = text(t, "note", where, false);
        read_printed(t, where, f);

        f.service = text(t, "service", where, true);
        f.service_line = line_of(t, "service");
        if (t.get("option")) f.option = text(t, "option", where, true), f.option_line = line_of(t, "option");
        if (t.get("year")) f.year = text(t, "year", where, true), f.year_line = line_of(t, "year");
        if (t.get("phase")) {
            const std::string name = text(t, "phase", where, true);
            f.phase = calc::phase_from_name(name);
            if (!f.phase && !name.empty())
                problem(*t.get("phase"), where + "phase", "unknown phase \"" + name + "\" (primary, secondary, all-through, special)");
        }
        if (t.get("factor")) {
            const std::string code = text(t, "factor", where, true);
            f.factor = calc::factor_from_code(code);
            f.factor_line = line_of(t, "factor");
            if (!f.factor && !code.empty())
                problem(*t.get("factor"), where + "factor", "unknown factor \"" + code + "\" (" + calc::factor_codes() + ")");
        }
        const bool wants_percent = f.kind == FigureKind::change || f.kind == FigureKind::rise;
        if (t.get("printed") && !f.printed_text.empty() && wants_percent != f.percent)
            problem(*t.get("printed"), where + "printed",
                    wants_percent ? "a " + what + " is a percentage: write it with %, e.g. \"9.6%\""
                                  : "a " + what + " is not a percentage: write it as printed, e.g. \"£363,000\"");

        if (f.kind == FigureKind::ledger) {
            if (f.year.empty()) problem(t, where + "year", "missing: the ledger year of the figure, e.g. \"2025-26\"");
            f.row = text(t, "row", where, true);
            static constexpr std::array<std::string_view, 6> rows = {"budget", "spend", "outturn", "balance", "rate", "pupils"};
            if (!f.row.empty() && std::find(rows.begin(), rows.end(), f.row) == rows.end())
                problem(*t.get("row"), where + "row", "unknown \"" + f.row + "\" (budget, spend, outturn, balance, rate, pupils)");
        }
        if (f.kind == FigureKind::range) {
            f.statistic = text(t, "statistic", where, true);
            static constexpr std::array<std::string_view, 4> stats = {"lowest", "median", "highest", "mean"};
            if (!f.statistic.empty() && std::find(stats.begin(), stats.end(), f.statistic) == stats.end())
                problem(*t.get("statistic"), where + "statistic", "unknown \"" + f.statistic + "\" (lowest, median, highest, mean)");
        }
        if (f.kind == FigureKind::change && t.get("of")) {
            f.of = text(t, "of", where, true);
            if (f.of != "rate" && f.of != "total" && !f.of.empty())
                problem(*t.get("of"), where + "of", "must be \"rate\" or \"total\"");
        }
        if (f.kind == FigureKind::rise && t.get("round")) {
            const std::string mode = text(t, "round", where, true);
            if (const auto m = calc::rounding_mode_from_name(mode)) f.round = *m;
            else if (!mode.empty())
                problem(*t.get("round"), where + "round",
                        "unknown rounding mode \"" + mode + "\" (" + std::string(calc::rounding_mode_names()) + ")");
        }
        return f;
    }
};

}  // namespace

std::string_view name_of(FigureKind kind) {
    for (const auto& [k, name] : kKinds)
        if (k == kind) return name;
    return "?";
}

PublishedPaper load_published(std::string_view text, const std::string& file) {
    Reader reader(text, file);
    PublishedPaper out = reader.read();
    reader.throw_if_problems();
    out.file = file;
    return out;
}

PublishedPaper load_published_file(const std::string& path) {
    return load_published(io::read_text_file(path, {kTomlBounds.max_bytes, false}), path);
}

}  // namespace rates
