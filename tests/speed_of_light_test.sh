#!/usr/bin/env bash
# bench/speed_of_light.cpp, the minimal exact program the end-to-end benchmarks are
# quoted against, must write exactly what `dedeleg calc` writes with the default
# schedule, so the reference stays honest as the engine changes (issue 10).
# Usage: speed_of_light_test.sh DEDELEG DEDELEG_SPEED_OF_LIGHT
set -euo pipefail
dedeleg="$1"
sol="$2"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

check() {  # census file
  "$dedeleg" calc --census "$1" --out "$dir/ours.csv" 2>/dev/null
  "$sol" --census "$1" --out "$dir/sol.csv"
  cmp "$dir/ours.csv" "$dir/sol.csv"
  "$sol" --census "$1" | cmp - "$dir/ours.csv"  # standard output too
}

# Several seeds and sizes, few and many local authorities: every phase, academies and
# maintained schools (only maintained primary and special schools are charged by default).
for spec in "2500 1 153" "4000 2 3" "1200 7 1"; do
  read -r schools seed las <<<"$spec"
  "$dedeleg" synth --schools "$schools" --seed "$seed" --las "$las" --out "$dir/synth.csv"
  for phase in primary secondary all-through special nursery pru; do
    for governance in maintained academy; do
      if [ "$phase" != nursery ] || [ "$governance" = maintained ]; then  # synth makes no nursery academies
        grep -q ",$phase,$governance," "$dir/synth.csv" || { echo "no $governance $phase school (seed $seed)"; exit 1; }
      fi
    done
  done
  check "$dir/synth.csv"
  grep -q ',primary,[0-9]' "$dir/ours.csv" && grep -q ',special,,,,,,,[0-9]' "$dir/ours.csv"
done

# Exemptions: every 5th school exempt from maternity, every 7th from maternity and EAL,
# every 11th from every de-delegated service, every 13th from all eight (it drops out).
"$dedeleg" synth --schools 3000 --seed 4 --out "$dir/synth.csv"
all="insurance;fsm-eligibility;maternity;eal;behaviour-support;trade-union"
awk -F, -v OFS=, -v all="$all" 'NR > 1 && NR % 13 == 0 { $NF = all ";statutory-duties;school-improvement" }
                  NR > 1 && NR % 13 && NR % 11 == 0 { $NF = all }
                  NR > 1 && NR % 13 && NR % 11 && NR % 7 == 0 { $NF = "maternity; eal" }
                  NR > 1 && NR % 13 && NR % 11 && NR % 7 && NR % 5 == 0 { $NF = "maternity" } { print }' \
  "$dir/synth.csv" >"$dir/exempt.csv"
check "$dir/exempt.csv"
grep -q ',primary,[0-9.]*,[0-9.]*,,' "$dir/ours.csv"                 # charged, but not for maternity
grep -q ',primary,,,,,,,[0-9.]*,[0-9.]*,' "$dir/ours.csv"          # education functions only
dropped=$(awk -F, 'NR > 1 && NR % 13 == 0 && $4 == "primary" && $5 == "maintained" { print $1 }' "$dir/exempt.csv")
[ -n "$dropped" ]
for urn in $dropped; do
  if grep -q "^$urn," "$dir/ours.csv"; then echo "URN $urn is exempt from every service but charged"; exit 1; fi
done

# One school: only the header and a zero TOTAL row, or one charged school.
for seed in 1 2 3 4 5; do
  "$dedeleg" synth --schools 1 --seed "$seed" --out "$dir/synth.csv"
  check "$dir/synth.csv"
done
echo "speed of light test: 1 passed, 0 failed"
