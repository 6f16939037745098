#!/usr/bin/env bash
# The paper as a user opens it: headless Chromium prints paper.html to PDF
# (page count in range) and to a PNG that is not blank; LibreOffice reads
# paper.xlsx back, sheet by sheet, with every published figure of sections
# 4.1-4.8 on its service's sheet, as numbers, and the schools' sheet adding up.
# Then the same for Devon's paper: complete, and no Havering word in the workbook.
set -euo pipefail
dedeleg="$1"
source_dir="$2"
for tool in chromium soffice pdfinfo pdftoppm; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (scripts/setup installs it)"; exit 77; }
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

print() {  # print HTML PDF
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$dir/chromium-profile" --no-pdf-header-footer \
    --print-to-pdf="$2" "file://$1" >/dev/null 2>&1
}
readback() {  # readback XLSX OUTDIR: every sheet as CSV, raw numbers (not as shown)
  mkdir -p "$2"
  soffice -env:UserInstallation="file://$dir/lo-profile" --headless \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
    --outdir "$2" "$1" >/dev/null 2>&1
}

"$dedeleg" paper --out havering 2>/dev/null
print "$dir/havering/paper.html" havering.pdf
pages=$(pdfinfo havering.pdf | awk '/^Pages:/ {print $2}')
echo "Havering paper: $pages pages"
# A page or so per service, then the history of rates and Appendices A-D (the seed runs to 40 pages).
[ "$pages" -ge 10 ] && [ "$pages" -le 40 ] || { echo "FAIL: $pages pages (expected 10-40)"; exit 1; }
pdftoppm -r 50 -png -f 1 -l 1 havering.pdf page
pdftoppm -r 50 -gray -f 3 -l 3 havering.pdf gray   # the first service's page, as a PGM
python3 - page-01.png gray-03.pgm <<'PY'
import sys
png = open(sys.argv[1], "rb").read()
assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
data = open(sys.argv[2], "rb").read()
# P5 header: magic, width, height, maxval, then one byte a pixel.
parts = data.split(maxsplit=4)
width, height = int(parts[1]), int(parts[2])
pixels = parts[4][: width * height]
dark = sum(1 for p in pixels if p < 128)
print(f"page 3: {width}x{height}, {dark} dark pixels")
assert dark > 2000, "the printed page is blank"
PY

print "$dir/havering/statements.html" statements.pdf
statement_pages=$(pdfinfo statements.pdf | awk '/^Pages:/ {print $2}')
echo "Havering statements: $statement_pages pages"
[ "$statement_pages" -eq 40 ] || { echo "FAIL: $statement_pages pages for 40 school statements (one page each)"; exit 1; }

readback havering/paper.xlsx xlsx
ls xlsx
python3 - xlsx "$source_dir/tests/paper_golden.hpp" <<'PY'
import csv, pathlib, re, sys
from decimal import Decimal
out = pathlib.Path(sys.argv[1])
sheets = {p.stem.split("-", 1)[1]: list(csv.reader(open(p, encoding="utf-8"))) for p in out.glob("paper-*.csv")}
expected = {"Summary", "insurance", "fsm-eligibility", "maternity", "eal", "behaviour-support", "trade-union",
            "statutory-duties", "school-improvement", "Schools", "Changes", "Ledger", "Notes", "Decisions",
            "Rate history", "Appendices"}
assert expected <= set(sheets), f"sheets: {sorted(sheets)}"
# The golden list, from the same header the HTML test reads.
golden = {}
for sid, figs in re.findall(r'\{"([a-z-]+)",(?:\s|//[^\n]*)*\{([^}]*)\}\}', open(sys.argv[2], encoding="utf-8").read()):
    golden[sid] = [Decimal(f.replace("£", "").replace(",", "")) for f in re.findall(r'"(£[^"]+)"', figs)]
assert len(golden) == 8, golden.keys()
def numbers(rows):
    found = set()
    for row in rows:
        for cell in row:
            try:
                found.add(Decimal(cell))
            except Exception:
                pass
    return found
for sid, figures in golden.items():
    have = numbers(sheets[sid])
    if sid == "eal":
        have |= {Decimal(x) for x in ("517", "2644", "6070")} if "lowest £517, median £2,644, highest £6,070." in " ".join(" ".join(r) for r in sheets[sid]) else set()
    if sid == "behaviour-support":  # the sum of the rounded factor totals is in the note, as the paper words it
        have |= {Decimal("195484")} if any("add to £195,484" in c for r in sheets[sid] for c in r) else set()
    missing = [str(f) for f in figures if f not in have]
    assert not missing, f"{sid}: missing {missing}"
# The schools' sheet: one row a maintained school, each row's services adding to its total.
schools = sheets["Schools"]
header, rows = schools[0], [r for r in schools[1:] if r and r[0]]
assert len(rows) == 40, len(rows)
for r in rows:
    amounts = [Decimal(c) for c in r[3:-1] if c]
    assert sum(amounts) == Decimal(r[-1]), r
total = sum(Decimal(r[-1]) for r in rows)
assert total == Decimal("1860414.85"), total
summary = numbers(sheets["Summary"])
assert Decimal("1860415") in summary and Decimal("1860414.85") in summary, "the summary's totals"
# Section 2's decisions, the rates by year (numbers), 4.6's unions on their sheet, Appendix A's figures.
decisions = [r for r in sheets["Decisions"] if r and r[0] and r[1] in ("Yes", "No")]
assert len(decisions) == 11, decisions
assert ["Museum and library services", "No", "N/A"] in [r[:3] for r in decisions]
assert ["Staff costs supply cover (trade union facility time)", "Yes", "Agreed"] in [r[:3] for r in decisions]
history = {(r[0], r[1], r[4]): Decimal(r[5]) for r in sheets["Rate history"][1:] if r and r[0]}
for key, rate in {("Statutory and regulatory duties", "2018-19", "AWPU"): "19.89",
                  ("Statutory and regulatory duties", "2018-19", "Place"): "44",
                  ("Statutory and regulatory duties", "2019-20", "AWPU"): "17.9",
                  ("Trade union facility time", "2023-24", "AWPU"): "2.63",
                  ("Maternity leave insurance", "2023-24", "AWPU"): "34.87",
                  ("Core school improvement activities", "2022-23", "AWPU"): "5.11"}.items():
    assert history.get(key) == Decimal(rate), (key, history.get(key))
assert ["GMB", "Support"] in [r[:2] for r in sheets["trade-union"]], "the unions' table"
appendices = " ".join(" ".join(r) for r in sheets["Appendices"])
for figure in ("average £2,937", "£639.28; after £38.00 de-delegated a school keeps £601.28 (94%)", "105, of whom 41 had no English"):
    assert figure in appendices, figure
print(f"workbook: {len(sheets)} sheets; every published figure found; 40 schools add to {total}")
PY

# Another LA: Devon's paper, with the generic words.
data="$source_dir/tests/data/devon"
"$dedeleg" paper --census "$data/census-878.csv" --rates "$data/2025-26.toml" --previous "$data/2024-25.toml" \
  --ledger "$data/maternity-ledger.toml" --out devon 2>/dev/null
print "$dir/devon/paper.html" devon.pdf
pages=$(pdfinfo devon.pdf | awk '/^Pages:/ {print $2}')
echo "Devon paper: $pages pages"
[ "$pages" -ge 8 ] || { echo "FAIL: Devon's paper has $pages pages"; exit 1; }
readback devon/paper.xlsx devon-xlsx
if grep -l "Havering" devon-xlsx/*.csv; then echo "FAIL: Havering in Devon's workbook"; exit 1; fi
[ -f devon-xlsx/paper-Decisions.csv ] && [ -f "devon-xlsx/paper-Rate history.csv" ] || { echo "FAIL: Devon's decisions and rate history sheets"; exit 1; }
python3 - devon-xlsx <<'PY'
import csv, pathlib, sys
from decimal import Decimal
rows = [r for r in list(csv.reader(open(pathlib.Path(sys.argv[1]) / "paper-Schools.csv", encoding="utf-8")))[1:] if r and r[0]]
assert len(rows) == 148, len(rows)
print(f"Devon workbook: {len(rows)} schools, total {sum(Decimal(r[-1]) for r in rows)}")
PY
echo "paper printed and read back"
