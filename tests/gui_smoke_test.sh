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
# The edit was autosaved for recovery.
grep -q 'AWPU = "41.08"' "$dir/recovery.toml"
echo "gui smoke test: 1 passed, 0 failed"
