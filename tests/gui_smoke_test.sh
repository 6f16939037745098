#!/usr/bin/env bash
# The real window under Xvfb: open the default, change maternity to £41.08,
# sort by change, render, write a PNG and check it is not blank.
set -euo pipefail
gui="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
xvfb-run -a -s "-screen 0 1280x720x24" "$gui" --recovery-file "$dir/recovery.toml" \
  --edit maternity.AWPU=41.08 --sort change --screenshot "$dir/shot.png" | tee "$dir/out.txt"
test -s "$dir/shot.png"
grep -q "wrote $dir/shot.png (1280x720" "$dir/out.txt"
# A scripted screenshot run leaves no recovery file behind.
test ! -e "$dir/recovery.toml"
# Scripted options that name nothing are refused (exit 2), never ignored.
# So are inputs that cannot be read.
for bad in "--census /no/such/census.csv" "--rates /no/such/rates.toml" "--edit maternity.FSM=3" "--edit maternity.AWPU=-5" "--sort bogus" "--select 999" "--tab nowhere" "--option trade-union=nonsense"; do
  set +e
  xvfb-run -a -s "-screen 0 1280x720x24" "$gui" --recovery-file "$dir/recovery.toml" $bad --screenshot "$dir/bad.png" >"$dir/bad.txt" 2>&1
  code=$?
  set -e
  if [ "$code" -ne 2 ]; then echo "$bad: exit $code, expected 2"; cat "$dir/bad.txt"; exit 1; fi
  test ! -e "$dir/bad.png"
done
echo "gui smoke test: 1 passed, 0 failed"
