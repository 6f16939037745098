#!/usr/bin/env bash
# The national census: the raw DfE extract is refused (one Windows-1252 byte),
# the conversion script transcodes it, and one LA can be cut out.
set -euo pipefail
dedeleg="$1"
root="$2"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
raw="$root/census/samples/source/england_state_funded_primary_2022_23_core.csv"

set +e
"$dedeleg" validate --census "$raw" 2>"$dir/err.txt"
code=$?
set -e
test "$code" -eq 2
grep -q "england_state_funded_primary_2022_23_core.csv:9304: byte 0xE0 at byte 68 is not UTF-8" "$dir/err.txt"

python3 "$root/census/samples/build_england_census.py" --out "$dir/england.csv"
"$dedeleg" validate --census "$dir/england.csv" | grep -q "ok, 16783 schools (9995 maintained, 6788 academies)"
grep -q "St Thomas à Becket Church of England Aided Primary School" "$dir/england.csv"
python3 "$root/tests/england_census_lossless.py" "$raw" "$dir/england.csv"

python3 "$root/census/samples/build_england_census.py" --la 311 --out "$dir/havering.csv"
"$dedeleg" validate --census "$dir/havering.csv" | grep -q "ok, 59 schools (39 maintained, 20 academies)"
# Devon (LA 878): FSM at £6.255 charges Clyst St Mary (9 FSM pupils, headcount = NOR = 176)
# 9 × £6.255 = £56.295 -> £56.30, not the £56.29 an 8-place proportion gave.
python3 "$root/census/samples/build_england_census.py" --la 878 --out "$dir/devon.csv"
"$dedeleg" validate --census "$dir/devon.csv" | grep -q "ok, 310 schools (148 maintained, 162 academies)"
grep -q '^113066,8782009,Clyst St Mary Primary School,primary,maintained,176,9,' "$dir/devon.csv"
"$dedeleg" calc --rates "$root/tests/data/devon-fsm-6.255.toml" --census "$dir/devon.csv" --out "$dir/devon-calc.csv" 2>/dev/null
grep -qx '113066,8782009,Clyst St Mary Primary School,primary,56.30,56.30' "$dir/devon-calc.csv"
# Every maintained school whose headcount is its NOR is charged exactly count × £6.255, rounded half up.
python3 - "$raw" "$dir/devon-calc.csv" <<'PY'
import csv, io, sys
from decimal import Decimal, ROUND_HALF_UP
src = {r["urn"]: r for r in csv.DictReader(io.StringIO(open(sys.argv[1], "rb").read().decode("utf-8", "replace")))}
checked = 0
for row in csv.DictReader(open(sys.argv[2], encoding="utf-8")):
    if row["URN"] == "TOTAL":
        continue
    s = src[row["URN"]]
    if s["headcount"] == s["nor_primary_r_to_y6"]:
        want = (Decimal(s["fsm_eligible"]) * Decimal("6.255")).quantize(Decimal("0.01"), ROUND_HALF_UP)
        assert Decimal(row["fsm-eligibility"]) == want, (row, want)
        checked += 1
assert checked > 70, checked
PY
# A Devon-style schedule on the Devon cut: per-phase rates, a 3-place rate, a budget-first service.
"$dedeleg" tables --rates "$root/tests/data/devon-style.toml" --census "$dir/devon.csv" > "$dir/devon-tables.md"
grep -qF '| Amount | £15.812 | £15.785 |  |' "$dir/devon-tables.md"
grep -qF -- "- Budget-first rate: £270,700.00 ÷ 28,676 pupils (schools charged) = £9.43994… → £9.440 (rounded up to 3 places); the schools' charges, each rounded half_up to the penny, add to £270,701.44, £1.44 above the budget." "$dir/devon-tables.md"
"$dedeleg" calc --rates "$root/tests/data/devon-style.toml" --census "$dir/devon.csv" --out "$dir/devon-style.csv" 2>/dev/null
grep -qx '113066,8782009,Clyst St Mary Primary School,primary,2782.91,56.30,1661.44,4500.65' "$dir/devon-style.csv"
echo "england census test: 1 passed, 0 failed"
