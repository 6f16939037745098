#!/usr/bin/env bash
# Schools and services named like formulas survive calc, compare and tables ->
# CSV -> LibreOffice as text: LibreOffice (headless) converts each CSV to a flat
# ODF spreadsheet, and no cell may hold a formula.
set -euo pipefail
dedeleg="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
cat > census.csv <<'CSV'
URN,School,Phase,Governance,NOR,FSM
1,"=HYPERLINK(""http://x"",""y"")",primary,maintained,100,9
2,@SUM(1+1),primary,maintained,50,1
3,"+cmd|' /C calc'!A0",primary,maintained,60,2
4,-2+3,primary,maintained,70,3
CSV
cat > rates.toml <<'TOML'
[schedule]
authority = "T"
year = "2025-26"

[[service]]
id = "fsm"
name = "=HYPERLINK(\"http://x\",\"service\")"
kind = "de-delegated"
phases = ["primary"]
label = "@SUM(2+2)"
rates = { FSM = "6.255" }
TOML
sed 's/6.255/7.00/' rates.toml > cheaper.toml
"$dedeleg" calc --rates rates.toml --census census.csv --out calc.csv 2>/dev/null
"$dedeleg" calc --layout long --rates rates.toml --census census.csv --out long.csv 2>/dev/null
"$dedeleg" compare --from cheaper.toml --to rates.toml --census census.csv --format csv --out compare.csv
"$dedeleg" tables --rates rates.toml --census census.csv --format csv --out tables.csv
soffice -env:UserInstallation="file://$dir/profile" --headless --convert-to fods --outdir "$dir" \
  calc.csv long.csv compare.csv tables.csv >/dev/null 2>&1
python3 - "$dir" <<'PY'
import sys, pathlib
import xml.etree.ElementTree as ET
T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
names = ['=HYPERLINK("http://x","y")', "@SUM(1+1)", "+cmd|' /C calc'!A0", "-2+3"]
for f in ["calc", "long", "compare", "tables"]:
    doc = ET.parse(pathlib.Path(sys.argv[1]) / f"{f}.fods")
    texts = []
    for cell in doc.iter(T + "table-cell"):
        assert cell.get(T + "formula") is None, (f, cell.get(T + "formula"))
        texts.append("".join(cell.itertext()).strip())
    wanted = ['=HYPERLINK("http://x","service")', "@SUM(2+2)"] if f == "tables" else names
    for name in wanted:
        assert "'" + name in texts, (f, name, texts)
    # Amounts stay numbers: a negative change is not made text.
    floats = [c for c in doc.iter(T + "table-cell") if c.get(O + "value-type") == "float"]
    assert floats, f
print("spreadsheet-safe test: 1 passed, 0 failed")
PY
