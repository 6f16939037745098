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

python3 "$root/census/samples/build_england_census.py" --la 311 --out "$dir/havering.csv"
"$dedeleg" validate --census "$dir/havering.csv" | grep -q "ok, 59 schools (39 maintained, 20 academies)"
echo "england census test: 1 passed, 0 failed"
