#include "report/check_report.hpp"

#include "calc/money_format.hpp"
#include "report/markdown.hpp"

#include <nlohmann/json.hpp>

namespace report {

namespace {

std::string_view unit_name(FigureUnit unit) {
    switch (unit) {
        case FigureUnit::pounds: return "pounds";
        case FigureUnit::percent: return "percent";
        case FigureUnit::count: return "count";
    }
    return "?";
}

// "to £1,000" for a figure printed coarser than the pound; nothing otherwise.
std::string presentation(const FigureCheck& f) {
    if (f.unit != FigureUnit::pounds || f.places >= 0) return "";
    std::string unit = "1";
    for (int i = 0; i < -f.places; ++i) unit += "0";
    return " (to £" + calc::group_thousands(unit) + ")";
}

std::string signed_text(const calc::Decimal& d, FigureUnit unit) {
    const std::string sign = d.sign() > 0 ? "+" : "";
    switch (unit) {
        case FigureUnit::pounds: return sign + calc::format_pounds_exact(d);
        case FigureUnit::percent: return sign + d.normalized().to_string() + " points";
        case FigureUnit::count: return sign + calc::format_count(d);
    }
    return d.to_string();
}

std::string computed_text(const FigureCheck& f) {
    switch (f.unit) {
        case FigureUnit::pounds: {
            if (!f.computed_exact) return calc::format_pounds(f.computed, f.computed.scale());
            if (f.places > 0) return calc::format_pounds_exact(f.computed);
            const calc::Decimal pounds = f.computed.round(0, calc::RoundingMode::half_up);
            if (pounds == f.computed) return calc::format_pounds(pounds, 0);
            return calc::format_pounds(pounds, 0) + " (exact " + calc::format_pounds_exact(f.computed) + ")";
        }
        case FigureUnit::percent: return f.computed.to_string() + "%";
        case FigureUnit::count: return calc::format_count(f.computed);
    }
    return f.computed.to_string();
}

std::string claim_cell(const FigureCheck& f) { return f.claim + " · line " + std::to_string(f.line); }

}  // namespace

std::size_t CheckReport::figures_flagged() const {
    std::size_t n = 0;
    for (const FigureCheck& f : figures) n += f.reconciles ? 0 : 1;
    return n;
}

std::size_t CheckReport::findings_flagged() const {
    std::size_t n = 0;
    for (const Finding& f : findings) n += f.flagged ? 1 : 0;
    return n;
}

std::string figure_text(const calc::Decimal& value, FigureUnit unit, int places) {
    const int shown = places > 0 ? places : 0;
    switch (unit) {
        case FigureUnit::pounds: return calc::format_pounds(value.with_scale(shown), shown);
        case FigureUnit::percent: return value.with_scale(shown).to_string() + "%";
        case FigureUnit::count: return calc::format_count(value.with_scale(shown));
    }
    return value.to_string();
}

void write_check_markdown(std::ostream& out, const CheckReport& r) {
    out << "# Check: " << markdown_text(r.title) << "\n\n";
    out << "Figures: " << markdown_text(r.file) << ". Computed from " << markdown_text(r.inputs)
        << ". Each figure is compared at the precision it is printed with (the computed figure rounded half up); "
           "a rise is checked by applying it to last year's rate as the rate is set.\n\n";
    const std::size_t bad = r.figures_flagged();
    const std::size_t flagged_findings = r.findings_flagged();
    if (r.all_reconcile())
        out << "**All " << r.figures.size() << " figures reconcile" << (r.findings.empty() ? "" : ", and nothing is left unstated")
            << ".**\n";
    else
        out << "**" << bad << " of " << r.figures.size() << " figures do not reconcile; " << flagged_findings
            << (flagged_findings == 1 ? " other finding" : " other findings") << ".**\n";

    if (bad > 0) {
        out << "\n## Figures that do not reconcile\n\n";
        out << "| Where | Figure | Printed | Computed | At printed precision | Difference |\n";
        out << "|---|---|---:|---:|---:|---:|\n";
        for (const FigureCheck& f : r.figures) {
            if (f.reconciles) continue;
            out << "| " << markdown_text(f.where) << " | " << markdown_text(claim_cell(f)) << " | "
                << markdown_text(f.printed_text + presentation(f)) << " | " << computed_text(f) << " | "
                << figure_text(f.at_printed, f.unit, f.places) << " | " << signed_text(f.difference(), f.unit) << " |\n";
        }
        out << "\n";
        for (const FigureCheck& f : r.figures) {
            if (f.reconciles) continue;
            out << "- " << markdown_text(f.where) << ", " << markdown_text(f.printed_text) << ": " << markdown_text(f.working);
            if (!f.note.empty()) out << " " << markdown_text(f.note);
            out << "\n";
        }
    }

    if (!r.findings.empty()) {
        out << "\n## What the paper says and leaves out\n";
        for (const Finding& f : r.findings) {
            out << "\n### " << markdown_text(f.title) << (f.flagged ? " — flagged" : "") << "\n\n";
            for (const std::string& line : f.lines) out << "- " << markdown_text(line) << "\n";
        }
    }

    if (bad < r.figures.size()) {
        out << "\n## Figures that reconcile\n\n";
        out << "| Where | Figure | Printed | Computed | How |\n|---|---|---:|---:|---|\n";
        for (const FigureCheck& f : r.figures)
            if (f.reconciles)
                out << "| " << markdown_text(f.where) << " | " << markdown_text(claim_cell(f)) << " | "
                    << markdown_text(f.printed_text + presentation(f)) << " | " << computed_text(f) << " | "
                    << markdown_text(f.working) << " |\n";
    }
}

void write_check_json(std::ostream& out, const CheckReport& r) {
    using nlohmann::json;
    json figures = json::array();
    for (const FigureCheck& f : r.figures)
        figures.push_back({{"line", f.line},
                           {"where", f.where},
                           {"what", f.what},
                           {"claim", f.claim},
                           {"printed_text", f.printed_text},
                           {"printed", f.printed.to_string()},
                           {"places", f.places},
                           {"unit", unit_name(f.unit)},
                           {"computed", f.computed.to_string()},
                           {"computed_exact", f.computed_exact},
                           {"at_printed", f.at_printed.to_string()},
                           {"difference", f.difference().to_string()},
                           {"reconciles", f.reconciles},
                           {"working", f.working},
                           {"note", f.note}});
    json findings = json::array();
    for (const Finding& f : r.findings)
        findings.push_back({{"kind", f.kind}, {"flagged", f.flagged}, {"title", f.title}, {"lines", f.lines}});
    const json doc = {{"file", r.file},
                      {"title", r.title},
                      {"inputs", r.inputs},
                      {"reconciles", r.all_reconcile()},
                      {"figures_flagged", r.figures_flagged()},
                      {"findings_flagged", r.findings_flagged()},
                      {"figures", figures},
                      {"findings", findings}};
    out << doc.dump(2) << "\n";
}

}  // namespace report
