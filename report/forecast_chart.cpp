#include "report/forecast_chart.hpp"

#include "calc/money_format.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

namespace report {

namespace {

constexpr double kWidth = 960, kHeight = 600;
constexpr double kLeft = 100, kRight = 30;
constexpr double kTopPanel = 60, kTopHeight = 230;      // bars
constexpr double kLowPanel = 350, kLowHeight = 190;     // outturn and fan

// Chart geometry is the one place money becomes a coordinate; the labels
// are written from the exact figures.
double to_double(const calc::Decimal& d) { return std::stod(d.to_string()); }

std::string num(double v) {
    std::ostringstream s;
    s.precision(1);
    s << std::fixed << v;
    return s.str();
}

std::string thousands(double pounds) {
    const long long k = std::llround(pounds / 1000.0);
    return calc::format_pounds(calc::Decimal(k), 0) + "k";
}

// A "nice" step for an axis spanning `range`.
double nice_step(double range) {
    const double raw = range / 5.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (raw <= m * magnitude) return m * magnitude;
    return 10 * magnitude;
}

struct Scale {
    double low, high, top, height;
    double y(double v) const { return top + height * (high - v) / (high - low); }
};

void axis(std::ostream& out, const Scale& s, double step) {
    for (double v = std::ceil(s.low / step) * step; v <= s.high + 1e-6; v += step) {
        out << "<line x1='" << kLeft << "' x2='" << kWidth - kRight << "' y1='" << num(s.y(v)) << "' y2='" << num(s.y(v))
            << "' stroke='" << (std::abs(v) < 1e-6 ? "#000" : "#ccc") << "' stroke-width='0.8'/>\n";
        out << "<text x='" << kLeft - 8 << "' y='" << num(s.y(v) + 4) << "' text-anchor='end'>" << thousands(v) << "</text>\n";
    }
}

}  // namespace

void write_forecast_svg(std::ostream& out, const ForecastReport& r) {
    std::vector<const model::LedgerRow*> rows;
    for (const auto& row : r.projection.history) rows.push_back(&row);
    for (const auto& row : r.projection.projected) rows.push_back(&row);
    const std::size_t n = rows.size();
    const std::size_t first_projected = r.projection.history.size();
    const double slot = (kWidth - kLeft - kRight) / static_cast<double>(n);
    auto x_mid = [&](std::size_t i) { return kLeft + slot * (static_cast<double>(i) + 0.5); };

    out << "<svg xmlns='http://www.w3.org/2000/svg' width='" << kWidth << "' height='" << kHeight << "' viewBox='0 0 "
        << kWidth << ' ' << kHeight << "' font-family='DejaVu Sans, Arial, sans-serif' font-size='12'>\n";
    out << "<defs><pattern id='hatch' width='6' height='6' patternUnits='userSpaceOnUse' patternTransform='rotate(45)'>"
           "<line x1='0' y1='0' x2='0' y2='6' stroke='#000' stroke-width='1'/></pattern></defs>\n";
    out << "<rect width='100%' height='100%' fill='#fff'/>\n";
    out << "<text x='" << kLeft << "' y='28' font-size='18' font-weight='bold'>" << r.service_name
        << ": budget, spend and outturn</text>\n";

    // Top panel: bars.
    double top_high = 0;
    for (const auto* row : rows) top_high = std::max({top_high, to_double(row->budget), to_double(row->input.spend)});
    const Scale bars{0, top_high * 1.08, kTopPanel, kTopHeight};
    axis(out, bars, nice_step(bars.high));
    for (std::size_t i = 0; i < n; ++i) {
        const double w = slot * 0.32;
        const double budget = to_double(rows[i]->budget), spend = to_double(rows[i]->input.spend);
        out << "<rect x='" << num(x_mid(i) - w - 2) << "' y='" << num(bars.y(budget)) << "' width='" << num(w)
            << "' height='" << num(bars.y(0) - bars.y(budget)) << "' fill='#fff' stroke='#000'/>\n";
        out << "<rect x='" << num(x_mid(i) + 2) << "' y='" << num(bars.y(spend)) << "' width='" << num(w) << "' height='"
            << num(bars.y(0) - bars.y(spend)) << "' fill='" << (i >= first_projected ? "url(#hatch)" : "#555")
            << "' stroke='#000'/>\n";
        out << "<text x='" << num(x_mid(i)) << "' y='" << num(bars.y(0) + 16) << "' text-anchor='middle'>"
            << rows[i]->input.year << (i >= first_projected ? " (proj.)" : "") << "</text>\n";
    }
    const double ly = kTopPanel - 14;
    out << "<rect x='" << kWidth - 330 << "' y='" << ly - 10 << "' width='14' height='10' fill='#fff' stroke='#000'/>"
        << "<text x='" << kWidth - 312 << "' y='" << ly << "'>Budget</text>\n";
    out << "<rect x='" << kWidth - 250 << "' y='" << ly - 10 << "' width='14' height='10' fill='#555' stroke='#000'/>"
        << "<text x='" << kWidth - 232 << "' y='" << ly << "'>Spend</text>\n";
    out << "<rect x='" << kWidth - 175 << "' y='" << ly - 10 << "' width='14' height='10' fill='url(#hatch)' stroke='#000'/>"
        << "<text x='" << kWidth - 157 << "' y='" << ly << "'>Projected spend</text>\n";

    // Lower panel: outturn, with the simulated fan over the projected years.
    double low = 0, high = 0;
    for (const auto* row : rows) {
        low = std::min(low, to_double(row->outturn));
        high = std::max(high, to_double(row->outturn));
    }
    for (const auto& o : r.outlook) {
        low = std::min(low, to_double(o.outturn[0]));
        high = std::max(high, to_double(o.outturn[4]));
    }
    const double pad = (high - low) * 0.08 + 1;
    const Scale lines{low - pad, high + pad, kLowPanel, kLowHeight};
    out << "<text x='" << kLeft << "' y='" << kLowPanel - 14 << "' font-size='14' font-weight='bold'>Outturn (budget − spend)"
        << (r.outlook.empty() ? "" : "; shaded: simulated P5–P95 (light), P25–P75 (dark), median dashed") << "</text>\n";
    axis(out, lines, nice_step(lines.high - lines.low));
    if (!r.outlook.empty()) {
        auto band = [&](std::size_t lo, std::size_t hi, const char* fill) {
            out << "<polygon fill='" << fill << "' stroke='none' points='";
            for (std::size_t k = 0; k < r.outlook.size(); ++k)
                out << num(x_mid(first_projected + k)) << ',' << num(lines.y(to_double(r.outlook[k].outturn[hi]))) << ' ';
            for (std::size_t k = r.outlook.size(); k-- > 0;)
                out << num(x_mid(first_projected + k)) << ',' << num(lines.y(to_double(r.outlook[k].outturn[lo]))) << ' ';
            out << "'/>\n";
        };
        band(0, 4, "#ddd");
        band(1, 3, "#999");
        out << "<polyline fill='none' stroke='#000' stroke-width='1.5' stroke-dasharray='6 4' points='";
        for (std::size_t k = 0; k < r.outlook.size(); ++k)
            out << num(x_mid(first_projected + k)) << ',' << num(lines.y(to_double(r.outlook[k].outturn[2]))) << ' ';
        out << "'/>\n";
    }
    out << "<polyline fill='none' stroke='#000' stroke-width='2' points='";
    for (std::size_t i = 0; i < n; ++i) out << num(x_mid(i)) << ',' << num(lines.y(to_double(rows[i]->outturn))) << ' ';
    out << "'/>\n";
    for (std::size_t i = 0; i < n; ++i) {
        const double v = to_double(rows[i]->outturn);
        out << "<circle cx='" << num(x_mid(i)) << "' cy='" << num(lines.y(v)) << "' r='4' fill='"
            << (v < 0 ? "#000" : "#fff") << "' stroke='#000'/>\n";
        out << "<text x='" << num(x_mid(i)) << "' y='" << num(lines.y(v) - 9) << "' text-anchor='middle' font-size='11'>"
            << calc::format_pounds(rows[i]->outturn, 0) << "</text>\n";
        out << "<text x='" << num(x_mid(i)) << "' y='" << num(kLowPanel + kLowHeight + 18) << "' text-anchor='middle'>"
            << rows[i]->input.year << "</text>\n";
    }
    out << "<text x='" << kLeft << "' y='" << kHeight - 10 << "' font-size='11' fill='#333'>"
        << "Filled dots: shortfall years. Made by dedeleg forecast.</text>\n";
    out << "</svg>\n";
}

}  // namespace report
