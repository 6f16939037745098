#!/usr/bin/env bash
# A session killed with kill -9 during editing restarts with the edited
# scenario offered back.
set -euo pipefail
gui="$1"
dir=$(mktemp -d)
trap 'pkill -9 -f "$dir/recovery.toml" 2>/dev/null || true; rm -rf "$dir"' EXIT
recovery="$dir/recovery.toml"

xvfb-run -a -s "-screen 0 1280x720x24" "$gui" --recovery-file "$recovery" --edit maternity.AWPU=41.08 >"$dir/first.txt" 2>&1 &
for _ in $(seq 1 100); do
  grep -qs 'AWPU = "41.08"' "$recovery" && pgrep -f -- "--recovery-file $recovery" >/dev/null && break
  sleep 0.2
done
sleep 1  # let the window come up: the kill lands mid-session
pid=$(pgrep -f -- "dedeleg-gui --recovery-file $recovery" | head -n 1)
test -n "$pid"
kill -9 "$pid"
wait || true

test -s "$recovery"
xvfb-run -a -s "-screen 0 1280x720x24" "$gui" --recovery-file "$recovery" --screenshot "$dir/again.png" | tee "$dir/second.txt"
grep -q "offering to restore the unsaved scenario in $recovery" "$dir/second.txt"
grep -q 'AWPU = "41.08"' "$recovery"
echo "gui recovery test: 1 passed, 0 failed"
