#!/usr/bin/env bash
# The recovery file through the real window's ways out:
# - a session killed with kill -9 during editing restarts with the edited
#   scenario offered back;
# - an offer not yet answered survives the window being closed (Esc, then the
#   close button), a start with --edit, and a screenshot run;
# - a --recovery-file that is an input (any spelling) is refused, exit 2, and
#   the input is left as it was;
# - a recovery file cut inside its header is kept aside and autosave goes on.
# Usage: gui_recovery_test.sh DEDELEG-GUI [X_CLOSE_WINDOW] (without the second,
# the close-button checks are skipped).
set -euo pipefail
gui="$1"
close="${2:-}"
data="$(cd "$(dirname "$0")" && pwd)/data/devon"
dir=$(mktemp -d)
trap 'pkill -9 -f "$dir/recovery.toml" 2>/dev/null || true; rm -rf "$dir"' EXIT
recovery="$dir/recovery.toml"
title="dedeleg: live what-if"
passed=0

# Runs the window with ARGS on its own X server, closes it with its close
# button once it is drawn (x_close_window, with --escape first if asked) and
# returns the window's exit code. Output in $dir/window.txt.
close_window() {
  local how="$1"; shift
  xvfb-run -a -s "-screen 0 1280x720x24" bash -c '
    gui="$1"; close="$2"; how="$3"; shift 3
    "$gui" "$@" >"'"$dir"'/window.txt" 2>&1 & pid=$!
    "$close" "dedeleg: live what-if" $how || { kill -9 $pid; exit 99; }
    wait $pid' close-window "$gui" "$close" "$how" "$@"
}

# 1. kill -9 mid-session: offered back.
xvfb-run -a -s "-screen 0 1280x720x24" "$gui" --recovery-file "$recovery" --edit maternity.AWPU=41.08 >"$dir/first.txt" 2>&1 &
for _ in $(seq 1 100); do
  grep -qs 'AWPU = "41.08"' "$recovery" && pgrep -f -- "--recovery-file $recovery" >/dev/null && break
  sleep 0.2
done
sleep 1  # let the window come up: the kill lands mid-session
# The window itself, not xvfb-run (whose command line holds the same words): killing
# that left the window running, holding the recovery file's lock for the checks below.
pid=$(pgrep -f -- "^$gui --recovery-file $recovery" | head -n 1)
test -n "$pid"
kill -9 "$pid"
wait || true
test -s "$recovery"
cp "$recovery" "$dir/saved.toml"
xvfb-run -a -s "-screen 0 1280x720x24" "$gui" --recovery-file "$recovery" --screenshot "$dir/again.png" | tee "$dir/second.txt"
grep -q "offering to restore the unsaved scenario in $recovery" "$dir/second.txt"
cmp "$recovery" "$dir/saved.toml"  # a screenshot run leaves the offer as it was
passed=$((passed + 1))

# 2. The offer showing, a start with --edit, Esc, then the close button: the recovery is kept as it was.
if [ -n "$close" ]; then
  close_window --escape --recovery-file "$recovery" --edit maternity.AWPU=41.09 || { echo "window exit $?"; cat "$dir/window.txt"; exit 1; }
  grep -q "offering to restore" "$dir/window.txt"
  test -e "$recovery" || { echo "closing the window deleted the unanswered recovery"; exit 1; }
  cmp "$recovery" "$dir/saved.toml" || { echo "the unanswered recovery was written over"; exit 1; }
  passed=$((passed + 1))
else
  echo "gui recovery test: x_close_window not built (no X11 headers): close-button checks skipped"
fi

# 3. A --recovery-file that is an input, however spelled: exit 2 naming both; the input untouched.
mkdir "$dir/in" "$dir/in/sub"
cp "$data/census-878.csv" "$data/2025-26.toml" "$data/2024-25.toml" "$data/maternity-ledger.toml" "$dir/in/"
ln -s "$dir/in/census-878.csv" "$dir/in/link.csv"
cp "$dir/in/census-878.csv" "$dir/census-before.csv"
inputs=(--census "$dir/in/census-878.csv" --rates "$dir/in/2025-26.toml" --baseline "$dir/in/2024-25.toml" --ledger "$dir/in/maternity-ledger.toml")
for named in "$dir/in/census-878.csv" "$dir/in/sub/../census-878.csv" "$dir/in/link.csv"; do
  for mode in window screenshot; do
    extra=()
    [ "$mode" = screenshot ] && extra=(--screenshot "$dir/bad.png")
    set +e
    timeout 60 xvfb-run -a -s "-screen 0 1280x720x24" "$gui" "${inputs[@]}" --recovery-file "$named" --edit maternity.AWPU=11.5 "${extra[@]}" \
      >"$dir/bad.txt" 2>&1
    code=$?
    set -e
    if [ "$code" -ne 2 ]; then echo "--recovery-file $named ($mode): exit $code, expected 2"; cat "$dir/bad.txt"; exit 1; fi
    grep -qF -- "--recovery-file: $named is the census ($dir/in/census-878.csv)" "$dir/bad.txt" || { cat "$dir/bad.txt"; exit 1; }
    cmp "$dir/in/census-878.csv" "$dir/census-before.csv"
    if ls "$dir/in" | grep -q unreadable; then echo "an input was moved aside: $(ls "$dir/in")"; exit 1; fi
  done
done
passed=$((passed + 1))

# 4. Cut inside its header: kept aside, autosave goes on in a new file.
rm -f "$recovery"
# Cut five bytes into the rates line: the census line whole, the rest gone.
head -c $(($(grep -b -o '^#@ rates' "$dir/saved.toml" | cut -d: -f1) + 5)) "$dir/saved.toml" >"$recovery"
if [ -n "$close" ]; then
  xvfb-run -a -s "-screen 0 1280x720x24" bash -c '
    "$1" --recovery-file "$2" --edit maternity.AWPU=41.10 >"$3/cut.txt" 2>&1 & pid=$!
    for _ in $(seq 1 100); do grep -qs "AWPU = \"41.10\"" "$2" && break; sleep 0.2; done
    grep -qs "AWPU = \"41.10\"" "$2" && autosaved=yes || autosaved=no
    "$4" "dedeleg: live what-if" || kill -9 $pid
    wait $pid
    test "$autosaved" = yes' cut "$gui" "$recovery" "$dir" "$close" || { echo "autosave did not go on after a cut header"; cat "$dir/cut.txt"; exit 1; }
  grep -q "kept as $recovery.unreadable-" "$dir/cut.txt" || { cat "$dir/cut.txt"; exit 1; }
  ls "$dir" | grep -q "^recovery.toml.unreadable-"
  passed=$((passed + 1))
fi
echo "gui recovery test: $passed passed, 0 failed"
