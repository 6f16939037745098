#!/usr/bin/env bash
# bench/peer/calc.py, written apart from calc/, must produce the same wide CSV.
set -euo pipefail
dedeleg="$1"
root="$2"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for rates in "$root/rates/havering/2025-26.toml" "$root/rates/havering/2024-25.toml"; do
  python3 "$root/bench/peer/calc.py" "$rates" "$root/census/samples/havering-2023.csv" "$dir/peer.csv"
  "$dedeleg" calc --rates "$rates" --census "$root/census/samples/havering-2023.csv" --out "$dir/ours.csv" 2>/dev/null
  cmp "$dir/peer.csv" "$dir/ours.csv"
done
"$dedeleg" synth --schools 3000 --seed 11 --out "$dir/synth.csv"
python3 "$root/bench/peer/calc.py" "$root/rates/havering/2025-26.toml" "$dir/synth.csv" "$dir/peer.csv"
"$dedeleg" calc --census "$dir/synth.csv" --out "$dir/ours.csv" 2>/dev/null
cmp "$dir/peer.csv" "$dir/ours.csv"
echo "peer test: 1 passed, 0 failed"
