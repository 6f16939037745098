#!/usr/bin/env python3
"""Random budget-first cases for tests/peer_test.sh (issue 18): a small census
and a schedule of budget-first services (one budget or one per phase, any
basis, 2-4 places, any mode for the rate and for each school's charge), so
that rounding each school's charge can leave the first rate's pennies short
of the budget, and some budgets have no count to spread over.
Deterministic for a seed.

Usage: python3 peer_budget_cases.py SEED SCHEDULE.toml CENSUS.csv
"""

import random
import sys

MODES = ["half_up", "half_even", "half_down", "up", "down", "ceiling", "floor"]
PHASES = ["primary", "secondary", "all-through", "special", "nursery", "pru"]
MAINSTREAM = ["primary", "secondary", "all-through"]
COUNTS = ["FSM", "FSM6", "EAL3", "IDACI_A", "LPA"]


def amount(rng):
    pick = rng.random()
    if pick < 0.1:
        return "0"
    if pick < 0.4:
        return f"{rng.randint(1, 999)}.{rng.randint(0, 99):02d}"
    return f"£{rng.randint(1000, 400000):,}.{rng.randint(0, 99):02d}"


def census(rng, ids):
    rows = ["URN,LAESTAB,School,Phase,Governance,NOR,Places," + ",".join(COUNTS) + ",Exempt"]
    for i in range(rng.randint(1, 40)):
        phase = rng.choice(PHASES)
        nor = rng.randint(0, 1200)
        places = f"{rng.randint(1, 150)}{rng.choice(['', '.5'])}" if phase == "special" else ""
        counts = []
        for _ in COUNTS:
            c = rng.randint(0, nor // 3) if rng.random() < 0.8 else 0
            counts.append(f"{c}.{rng.randint(0, 9)}" if c + 1 < nor and rng.random() < 0.2 else str(c))
        exempt = ";".join(s for s in ids if rng.random() < 0.1)
        governance = "academy" if rng.random() < 0.2 else "maintained"
        rows.append(f"{100000 + i},{3100000 + i},School {i},{phase},{governance},{nor},{places}," + ",".join(counts) + f",{exempt}")
    return "\n".join(rows) + "\n"


def schedule(rng, ids):
    out = ['[schedule]', 'authority = "Peer (random budget-first)"', 'year = "2025-26"', f'rounding = "{rng.choice(MODES)}"', '']
    for sid in ids:
        kind = rng.choice(["de-delegated", "education-function"])
        phases = [p for p in MAINSTREAM if rng.random() < 0.6] or [rng.choice(MAINSTREAM)]
        if kind == "education-function" and rng.random() < 0.5:
            phases.append("special")
        bases = ["AWPU", "LUMP"] + COUNTS + (["PLACE"] if "special" in phases else [])
        out += ['[[service]]', f'id = "{sid}"', f'name = "Service {sid}"', f'kind = "{kind}"',
                "phases = [" + ", ".join(f'"{p}"' for p in phases) + "]",
                f'basis = "{rng.choice(bases)}"', f'places = {rng.randint(2, 4)}']
        if rng.random() < 0.8:
            out.append(f'round = "{rng.choice(MODES)}"')
        if rng.random() < 0.5:
            out.append(f'budget = "{amount(rng)}"')
        else:
            out.append('[service.phase_budget]')
            out += [f'{p} = "{amount(rng)}"' for p in phases]
        out.append('')
    return "\n".join(out)


def main():
    seed, schedule_path, census_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    rng = random.Random(seed)
    ids = [f"s{i}" for i in range(rng.randint(1, 3))]
    with open(schedule_path, "w", encoding="utf-8") as f:
        f.write(schedule(rng, ids))
    with open(census_path, "w", encoding="utf-8") as f:
        f.write(census(rng, ids))


if __name__ == "__main__":
    main()
