#!/usr/bin/env python3
"""A straightforward peer of `dedeleg calc --layout wide`, in Python with
decimal + csv + tomllib, to check our figures to the penny and to measure
against. Same rules: each school's charge for a service is the exact sum of
rate x count over its factors, rounded once to the penny with the schedule's
mode; academies are never charged; de-delegated services only from maintained
mainstream schools of the listed phases; education functions also from
maintained special schools, per place only. Per-phase rates
([service.phase_rates.<phase>]) replace the service-wide rates for that
phase's schools, factor by factor; a budget-first service's rate is its
budget (or its phase's budget) / the basis count over the schools it charges,
rounded to `places` with `round` (default up), then raised one unit of its
last place at a time while the schools' charges, each rounded to the penny
with the schedule's mode, add to less than the budget. Blank, z, x, c cells
are no count. This peer refuses one thing only: a budget above zero whose
basis count over its schools is zero (it exits 3 naming the service and
phase, where dedeleg exits 2); otherwise it is run on inputs dedeleg accepts.

Usage: python3 calc.py SCHEDULE.toml CENSUS.csv OUT.csv
"""

import csv
import sys
import tomllib
from decimal import Decimal, getcontext, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR

getcontext().prec = 80  # quotients exact far past any rate's 4th place, so quantize rounds once

MODES = {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN, "half_down": ROUND_HALF_DOWN, "up": ROUND_UP,
         "down": ROUND_DOWN, "ceiling": ROUND_CEILING, "floor": ROUND_FLOOR}
MAINSTREAM = {"primary", "secondary", "all-through"}
PENNY = Decimal("0.01")


def number(text):
    text = text.strip().replace(",", "").replace("£", "")
    if text.endswith("%"):
        return Decimal(text[:-1]) / 100
    return Decimal(text)


NO_COUNT = {"", "z", "x", "c"}
CENSUS_FACTORS = ("FSM", "FSM6", "EAL3", "IDACI_A", "IDACI_B", "IDACI_C", "IDACI_D", "IDACI_E", "IDACI_F", "LPA")


def read_school(r):
    nor = Decimal(r["nor"])
    phase = r["phase"].strip().lower()
    places = (r.get("places") or "").strip()
    counts = {"AWPU": nor, "PLACE": Decimal(0) if places.lower() in NO_COUNT else number(places), "LUMP": Decimal(1)}
    for key, value in r.items():
        if value is None or value.strip().lower() in NO_COUNT:
            continue
        if key.endswith("_prop"):
            counts[key[:-5].upper()] = nor * number(value)
        elif key.upper() in CENSUS_FACTORS:
            counts[key.upper()] = number(value)
    exempt = {e.strip() for e in (r.get("exempt") or "").split(";") if e.strip()}
    return r, phase, counts, exempt


def charges(r, phase, exempt, sid, kind, phases):
    return (r["governance"].strip().lower() == "maintained" and phase in phases and sid not in exempt
            and (phase in MAINSTREAM or (phase == "special" and kind == "education-function")))


def applies(phase, factor):
    return factor == "LUMP" or (factor == "PLACE" if phase == "special" else factor != "PLACE")


class UnmetBudget(Exception):
    pass


def phase_rates(sid, kind, phases, option, rows, charge_mode):
    """{phase: {FACTOR: rate}} for one service option."""
    if "budget" in option or "phase_budget" in option:
        basis = option.get("basis", "AWPU").upper()
        places = Decimal(1).scaleb(-int(option.get("places", 2)))
        mode = MODES[option.get("round", "up")]
        budgets = ({None: number(str(option["budget"]))} if "budget" in option
                   else {p.lower(): number(str(v)) for p, v in option["phase_budget"].items()})
        out = {}
        for which, budget in budgets.items():
            counts = [c.get(basis, Decimal(0)) for r, ph, c, ex in rows
                      if (which is None or ph == which) and charges(r, ph, ex, sid, kind, phases) and applies(ph, basis)]
            base = sum(counts, Decimal(0))
            if not base and budget > 0:
                raise UnmetBudget(f"{sid}: no {basis} count among the {which or 'charged'} schools for a budget of {budget}")
            rate = (budget / base).quantize(places, rounding=mode) if base else Decimal(0)
            # Raised a unit at a time until the schools' pennies add to the budget.
            while base and sum(((rate * n).quantize(PENNY, rounding=charge_mode) for n in counts), Decimal(0)) < budget:
                rate += places
            for ph in phases:
                if which is None or ph == which:
                    out[ph] = {basis: rate}
        return out
    common = {k.upper(): Decimal(str(v)) for k, v in option["rates"].items()}
    out = {}
    for ph in phases:
        rates = dict(common)
        own = {p.lower(): v for p, v in option.get("phase_rates", {}).items()}.get(ph, {})
        rates.update({k.upper(): Decimal(str(v)) for k, v in own.items()})
        out[ph] = rates
    return out


def main():
    schedule_path, census_path, out_path = sys.argv[1:4]
    with open(schedule_path, "rb") as f:
        schedule = tomllib.load(f)
    mode = MODES[schedule["schedule"].get("rounding", "half_up")]
    services = []
    for s in schedule["service"]:
        options = [s] + s.get("option", [])
        chosen = next((o for o in options if o.get("id") == s.get("selected")), s) if "selected" in s else s
        services.append((s["id"], s["kind"], set(p.lower() for p in s["phases"]), chosen))

    with open(census_path, newline="", encoding="utf-8-sig") as f:
        rows = [read_school({k.strip().lower(): v for k, v in r.items()}) for r in csv.DictReader(f)]

    # Each service's rates per phase: {phase: {FACTOR: rate}}.
    try:
        tables = [phase_rates(sid, kind, phases, chosen, rows, mode) for sid, kind, phases, chosen in services]
    except UnmetBudget as e:
        print(f"peer: unmet budget: {e}", file=sys.stderr)
        sys.exit(3)
    out = ["URN,LAESTAB,School,Phase," + ",".join(s[0] for s in services) + ",Total"]
    totals = [Decimal(0)] * len(services)
    for r, phase, counts, exempt in rows:
        cells, charged, school_total = [], False, Decimal(0)
        for i, (sid, kind, phases, chosen) in enumerate(services):
            if not charges(r, phase, exempt, sid, kind, phases):
                cells.append("")
                continue
            exact = Decimal(0)
            for factor, rate in tables[i].get(phase, {}).items():
                if applies(phase, factor):
                    exact += rate * counts.get(factor, Decimal(0))
            amount = exact.quantize(PENNY, rounding=mode)
            totals[i] += amount
            school_total += amount
            charged = True
            cells.append(f"{amount:.2f}")
        if charged:
            name = r.get("school", "")
            if any(c in name for c in ',"\n\r'):
                name = '"' + name.replace('"', '""') + '"'
            out.append(f'{r["urn"]},{r.get("laestab", "")},{name},{phase},' + ",".join(cells) + f",{school_total:.2f}")
    out.append("TOTAL,,,," + ",".join(f"{t:.2f}" for t in totals) + f",{sum(totals, Decimal(0)):.2f}")
    with open(out_path, "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
