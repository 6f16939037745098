#include "report/spread_chart.hpp"

#include "calc/money_format.hpp"
#include "report/html_text.hpp"

#include <algorithm>
#include <string>

namespace report {

namespace {
// A drawing position only, never a figure.
double position_of(const calc::Decimal& d) { return std::stod(d.to_string()); }
}  // namespace

void write_spread_svg(std::ostream& out, std::vector<calc::Decimal> charges, const calc::PoundRange& range) {
    if (charges.empty()) return;
    std::sort(charges.begin(), charges.end());
    constexpr double kWidth = 600, kHeight = 150, kLeft = 110, kRight = 10, kTop = 10, kBottom = 24;
    const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
    const double highest = std::max(position_of(charges.back()), 1.0);
    const double step = plot_w / static_cast<double>(charges.size());
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << kWidth << ' ' << kHeight
        << "\" width=\"" << kWidth << "\" height=\"" << kHeight << "\" role=\"img\" font-family=\"sans-serif\" font-size=\"10\">";
    out << "<line x1=\"" << kLeft << "\" y1=\"" << kTop + plot_h << "\" x2=\"" << kWidth - kRight << "\" y2=\"" << kTop + plot_h
        << "\" stroke=\"#000\"/>";
    for (int g = 1; g <= 2; ++g) {
        const double y = kTop + plot_h - plot_h * g / 2.0;
        out << "<line x1=\"" << kLeft << "\" y1=\"" << y << "\" x2=\"" << kWidth - kRight << "\" y2=\"" << y
            << "\" stroke=\"#bbb\" stroke-dasharray=\"3,3\"/>";
    }
    for (std::size_t i = 0; i < charges.size(); ++i) {
        const double h = plot_h * position_of(charges[i]) / highest;
        out << "<rect x=\"" << kLeft + step * static_cast<double>(i) + step * 0.1 << "\" y=\"" << kTop + plot_h - h
            << "\" width=\"" << std::max(step * 0.8, 0.5) << "\" height=\"" << h << "\" fill=\"#555\"/>";
    }
    const auto label = [&](double y, const std::string& text) {
        out << "<text x=\"" << kLeft - 4 << "\" y=\"" << y << "\" text-anchor=\"end\">" << html_text(text) << "</text>";
    };
    label(kTop + 8, "highest " + calc::format_pounds(range.highest, 0));
    label(std::min(kTop + plot_h - plot_h * position_of(range.median) / highest + 4, kTop + plot_h - 12),
          "median " + calc::format_pounds(range.median, 0));
    label(kTop + plot_h, "lowest " + calc::format_pounds(range.lowest, 0));
    out << "<text x=\"" << kLeft + plot_w / 2 << "\" y=\"" << kHeight - 6 << "\" text-anchor=\"middle\">" << charges.size()
        << " schools, lowest to highest</text></svg>";
}

}  // namespace report
