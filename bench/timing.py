"""Whole-process timing shared by bench/compare and bench/scaling.

Each run is `/usr/bin/time -f %M -o FILE taskset -c 0 COMMAND...`: pinned to
CPU 0, peak resident memory (KB) from /usr/bin/time, and the wall time read
around the whole run with Python's nanosecond clock and user + system CPU from
the kernel's wait4() (microseconds; /usr/bin/time's %e, %U and %S have only
centiseconds). The wall
time therefore includes starting /usr/bin/time and taskset (a few ms on this
virtual machine; the same for every command, so it narrows ratios slightly;
`bench/compare true true` shows it). Commands are split as a shell splits
words (shlex) and run without a shell; stdout and stderr are discarded.
"""

import os
import shlex
import statistics
import subprocess
import tempfile
import time


class Run:
    def __init__(self, wall_ms, cpu_ms, rss_kb, status):
        self.wall_ms, self.cpu_ms, self.rss_kb, self.status = wall_ms, cpu_ms, rss_kb, status


def run_once(command, cpu="0"):
    """One pinned run of `command` (a string or a list): wall ms, CPU ms, peak RSS KB."""
    argv = shlex.split(command) if isinstance(command, str) else list(command)
    with tempfile.NamedTemporaryFile("r", prefix="bench-time-", suffix=".txt") as report:
        full = ["/usr/bin/time", "-f", "%M", "-o", report.name, "taskset", "-c", cpu] + argv
        start = time.perf_counter_ns()
        child = subprocess.Popen(full, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)  # usage includes /usr/bin/time's waited-for child
        wall_ms = (time.perf_counter_ns() - start) / 1e6
        child.returncode = status = os.waitstatus_to_exitcode(status)
        lines = [l for l in report.read().splitlines() if l.strip()]
    rss = lines[-1].split()[0]
    return Run(wall_ms, (usage.ru_utime + usage.ru_stime) * 1000.0, int(rss), status)


def alternate(commands, runs, warmup=1, cpu="0"):
    """Runs the commands in turn (A B A B ...), `warmup` rounds uncounted then `runs` counted.
    Returns one list of Run per command. A non-zero exit status stops everything."""
    results = [[] for _ in commands]
    for round_ in range(warmup + runs):
        for i, command in enumerate(commands):
            r = run_once(command, cpu)
            if r.status != 0:
                raise SystemExit(f"exit status {r.status}: {command}")
            if round_ >= warmup:
                results[i].append(r)
    return results


def summary(values):
    """min, median, max."""
    return min(values), statistics.median(values), max(values)


def machine_line():
    model = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = os.getloadavg()
    return (f"{model}, {os.cpu_count()} CPUs, load average {load[0]:.2f}; "
            f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
