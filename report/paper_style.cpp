#include "report/paper_style.hpp"

namespace report {

std::string_view paper_css() {
    return R"(@page { size: A4; margin: 18mm 16mm 20mm 16mm;
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 9pt sans-serif; color: #444; } }
html { font: 10.5pt/1.4 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111; }
body { margin: 0 auto; max-width: 180mm; }
h1 { font-size: 20pt; margin: 0 0 6pt; }
h2 { font-size: 14pt; margin: 16pt 0 6pt; border-bottom: 1px solid #999; }
h3 { font-size: 12.5pt; margin: 0 0 4pt; }
h4 { font-size: 10.5pt; margin: 10pt 0 4pt; }
p { margin: 0 0 6pt; }
.cover { border-bottom: 2px solid #111; margin-bottom: 12pt; padding-bottom: 8pt; }
.authority { font-weight: bold; font-size: 12pt; }
.meta { color: #333; margin: 2pt 0; }
.small { font-size: 8.5pt; color: #333; }
.kind { font-style: italic; color: #333; }
.tag { font-size: 8pt; border: 1px solid #111; padding: 0 3pt; font-weight: normal; }
section.service { break-before: page; }
h2.services-heading { break-after: avoid; }
h2.services-heading + section.service { break-before: auto; }
section.summary, section.appendix { break-before: page; }
table { border-collapse: collapse; margin: 4pt 0 6pt; width: 100%; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #777; padding: 2pt 4pt; vertical-align: top; }
thead th { background: #e6e6e6; text-align: center; }
tbody th { text-align: left; background: #f4f4f4; font-weight: normal; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.strong, tr.total td.strong { font-weight: bold; }
td.exact { color: #333; font-size: 8.5pt; }
td.previous { color: #333; font-style: italic; }
tr.subtotal th, tr.subtotal td { background: #f4f4f4; }
tr.total th { font-weight: bold; }
tr.projected td { font-style: italic; }
ul.notes { margin: 2pt 0 8pt 14pt; padding: 0; font-size: 9.5pt; }
figure.chart { margin: 6pt 0; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { font-size: 8.5pt; color: #333; }
table.schools { font-size: 7.5pt; }
table.schools th, table.schools td { padding: 1pt 2pt; }
table.schools tbody.school { break-inside: avoid; border-top: 0.8pt solid #000; }
table.schools td.num { white-space: nowrap; }
table.schools td.year { white-space: nowrap; }
table.schools .small { font-size: 6.5pt; color: #333; }
table.schools tr.change td { font-style: italic; }
footer { margin-top: 16pt; border-top: 1px solid #999; font-size: 9pt; }
section.statement { break-after: page; font-size: 8.5pt; }
section.statement h2 { margin-top: 0; }
section.statement th, section.statement td { padding: 0.5pt 3pt; }
section.statement table { margin: 2pt 0 4pt; }
section.statement:last-of-type { break-after: auto; }
@media screen { body { padding: 12pt; } section.service, section.summary, section.appendix { border-top: 3px double #999; margin-top: 18pt; } }
)";
}

}  // namespace report
