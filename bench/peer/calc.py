#!/usr/bin/env python3
"""A straightforward peer of `dedeleg calc --layout wide`, in Python with
decimal + csv + tomllib, to check our figures to the penny and to measure
against. Same rules: each school's charge for a service is the exact sum of
rate x count over its factors, rounded once to the penny with the schedule's
mode; academies are never charged; de-delegated services only from maintained
mainstream schools of the listed phases; education functions also from
maintained special schools, per place only.

Usage: python3 calc.py SCHEDULE.toml CENSUS.csv OUT.csv
"""

import csv
import sys
import tomllib
from decimal import Decimal, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR

MODES = {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN, "half_down": ROUND_HALF_DOWN, "up": ROUND_UP,
         "down": ROUND_DOWN, "ceiling": ROUND_CEILING, "floor": ROUND_FLOOR}
MAINSTREAM = {"primary", "secondary", "all-through"}
PENNY = Decimal("0.01")


def number(text):
    text = text.strip().replace(",", "").replace("£", "")
    if text.endswith("%"):
        return Decimal(text[:-1]) / 100
    return Decimal(text)


def main():
    schedule_path, census_path, out_path = sys.argv[1:4]
    with open(schedule_path, "rb") as f:
        schedule = tomllib.load(f)
    mode = MODES[schedule["schedule"].get("rounding", "half_up")]
    services = []
    for s in schedule["service"]:
        options = [s] + s.get("option", [])
        chosen = next((o for o in options if o.get("id") == s.get("selected")), s) if "selected" in s else s
        rates = {k.upper(): Decimal(str(v)) for k, v in chosen["rates"].items()}
        services.append((s["id"], s["kind"], set(s["phases"]), rates))

    with open(census_path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    out = ["URN,LAESTAB,School,Phase," + ",".join(s[0] for s in services) + ",Total"]
    totals = [Decimal(0)] * len(services)
    for r in rows:
        r = {k.strip().lower(): v for k, v in r.items()}
        nor = Decimal(r["nor"])
        phase = r["phase"].strip().lower()
        counts = {"AWPU": nor, "PLACE": number(r["places"]) if r.get("places") else Decimal(0), "LUMP": Decimal(1)}
        for key, value in r.items():
            if key.endswith("_prop"):
                counts[key[:-5].upper()] = nor * number(value)
            elif key.upper() in ("FSM", "FSM6", "EAL3", "IDACI_A", "IDACI_B", "IDACI_C", "IDACI_D", "IDACI_E", "IDACI_F", "LPA"):
                counts[key.upper()] = number(value)
        exempt = {e.strip() for e in (r.get("exempt") or "").split(";") if e.strip()}
        cells, charged, school_total = [], False, Decimal(0)
        for i, (sid, kind, phases, rates) in enumerate(services):
            ok = (r["governance"].strip().lower() == "maintained" and phase in phases and sid not in exempt
                  and (phase in MAINSTREAM or (phase == "special" and kind == "education-function")))
            if not ok:
                cells.append("")
                continue
            exact = Decimal(0)
            for factor, rate in rates.items():
                applies = factor == "LUMP" or (factor == "PLACE" if phase == "special" else factor != "PLACE")
                if applies:
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
