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
# Issue 9: per-phase rates, per-phase budgets, a budget-first service and 3-4 place rates,
# over generated censuses of every phase (primary, secondary, all-through, special, and the
# nursery schools and PRUs nobody may charge).
for seed in 1 2 3; do
  "$dedeleg" synth --schools 1500 --seed "$seed" --out "$dir/synth.csv"
  python3 "$root/bench/peer/calc.py" "$root/tests/data/peer-phases.toml" "$dir/synth.csv" "$dir/peer.csv"
  "$dedeleg" calc --rates "$root/tests/data/peer-phases.toml" --census "$dir/synth.csv" --out "$dir/ours.csv" 2>/dev/null
  cmp "$dir/peer.csv" "$dir/ours.csv"
  for phase in primary secondary all-through special; do grep -q ",$phase," "$dir/ours.csv"; done
done
echo "peer test: 1 passed, 0 failed"
