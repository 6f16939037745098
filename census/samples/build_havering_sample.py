#!/usr/bin/env python3
"""Build census/samples/havering-2023.csv from the DfE January 2023 school census.

Real data (source/, DfE "Schools, pupils and their characteristics" 2022/23,
Open Government Licence v3.0): every Havering state-funded school's URN, LAESTAB,
name, phase, governance and pupil numbers; FSM and EAL (ever) counts; FSM Ever 6
from January 2019.

Estimates (not published per school), calibrated so that the shipped 2025-26
schedule reproduces every figure of sections 4.1-4.8 of Havering's consultation
(November 2024) at the precision the paper publishes it. See README.md beside
this script for the method and each target.

Usage:  python3 build_havering_sample.py [--check]
    --check   rebuild in memory and fail if havering-2023.csv differs (CI runs this)

Standard library only; every calculation is exact (decimal), so the output is
the same on every machine.
"""

import csv
import io
import sys
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAINTAINED = HERE / "source" / "havering_311_maintained_primary_2022_23.csv"
ALL_SCHOOLS = HERE / "source" / "havering_311_spc_2022_23_all_schools.csv"
OUTPUT = HERE / "havering-2023.csv"

# The paper's bases (October 2023 census): 17,466 pupils behind maternity,
# behaviour support and trade union time; 17,280 behind insurance, statutory
# duties and school improvement. We model the 186-pupil gap as one school
# exempt from those three services (the paper does not say which pupils these are).
PUPILS_ALL = 17466
EXEMPT_URN = "102330"  # La Salette Catholic Primary School (real Jan 2023 roll 207)
EXEMPT_ROLL = PUPILS_ALL - 17280
EXEMPT_SERVICES = "insurance;statutory-duties;school-improvement"
SPECIAL_PLACES = {"102362": Decimal("156.5")}  # Corbets Tey School: the paper's 156.5 places

# Exact totals (pupils) chosen inside the range that rounds to each published
# figure; see README.md for the arithmetic.
FSM_TOTAL = Decimal("3194.95")            # × £9.50 = £30,352.025 -> £30,352
FSM6_TOTAL = Decimal("3225.85")           # × £2.00 = £6,451.70  -> £6,452
IDACI_TOTALS = {                          # pupils in each band
    "A": Decimal("118.0735"),             # × £10.07 = £1,189.00
    "B": Decimal("566.1479"),             # × £7.71  = £4,365.00
    "C": Decimal("549.2116"),             # × £12.05 = £6,618.00
    "D": Decimal("1357.5634"),            # × £22.08 = £29,975.00
    "E": Decimal("2243.5866"),            # × £14.08 = £31,589.70 -> £31,590
    "F": Decimal("1397.28"),              # no rate; 8% of pupils, for completeness
}
LPA_TOTAL = Decimal("5593")               # × £5.00 = £27,965
EAL3_TOTAL = Decimal("3014.16")           # × £38 = £114,538.08 -> £114,538
EAL3_LOWEST = Decimal("13.6055")          # × £38 = £517.01  -> £517
EAL3_MEDIAN = Decimal("69.58")            # × £38 = £2,644.04 -> £2,644
EAL3_HIGHEST = Decimal("159.74")          # × £38 = £6,070.12 -> £6,070

PLACES = Decimal("0.00000001")            # proportions are written to 8 decimal places


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def apportion(weights, total):
    """Whole numbers proportional to weights that add up to total (largest remainder)."""
    whole = sum(weights)
    shares = [Decimal(w) * total / whole for w in weights]
    out = [int(s) for s in shares]
    order = sorted(range(len(shares)), key=lambda i: (-(shares[i] - out[i]), i))
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


def scale_to(weights, total):
    """Fractional counts proportional to weights that add up to total exactly."""
    whole = sum(weights)
    return [Decimal(w) * total / whole for w in weights]


def eal3_counts(base):
    """EAL3 counts in the same order as base, with the paper's lowest, median
    and highest per-school figure and its total; others scaled and kept in rank."""
    n = len(base)
    rank = sorted(range(n), key=lambda i: (base[i], i))
    lowest, median, highest = rank[0], rank[n // 2], rank[-1]
    counts = [Decimal(0)] * n
    counts[lowest], counts[median], counts[highest] = EAL3_LOWEST, EAL3_MEDIAN, EAL3_HIGHEST
    below = [i for i in rank[1 : n // 2]]
    above = [i for i in rank[n // 2 + 1 : -1]]
    step = Decimal("0.01")
    bounds = {i: (EAL3_LOWEST + step, EAL3_MEDIAN - step) for i in below}
    bounds.update({i: (EAL3_MEDIAN + step, EAL3_HIGHEST - step) for i in above})
    target = EAL3_TOTAL - EAL3_LOWEST - EAL3_MEDIAN - EAL3_HIGHEST

    def fill(k):
        return {i: min(max(Decimal(base[i]) * k, bounds[i][0]), bounds[i][1]) for i in below + above}

    lo, hi = Decimal(0), Decimal(10)
    for _ in range(200):  # bisection on the common scale factor
        mid = (lo + hi) / 2
        if sum(fill(mid).values()) < target:
            lo = mid
        else:
            hi = mid
    filled = fill(hi)
    for i, v in filled.items():
        counts[i] = v
    # Put the last fraction of a pupil on an unclamped school so the total is exact.
    free = next(i for i in above if bounds[i][0] < counts[i] < bounds[i][1])
    counts[free] += target - sum(filled.values())
    return counts


def proportion(count, nor):
    return (Decimal(count) / nor).quantize(PLACES, rounding=ROUND_HALF_UP) if nor else Decimal(0)


def maintained_primaries():
    rows = read(MAINTAINED)
    jan_roll = [int(r["nor_primary_r_to_y6"]) for r in rows]
    others = [i for i, r in enumerate(rows) if r["urn"] != EXEMPT_URN]
    rolls = [0] * len(rows)
    for i, roll in zip(others, apportion([jan_roll[i] for i in others], PUPILS_ALL - EXEMPT_ROLL)):
        rolls[i] = roll
    rolls[[r["urn"] for r in rows].index(EXEMPT_URN)] = EXEMPT_ROLL

    # Share of pupils with FSM (January 2023, headcount base) drives the
    # deprivation estimates; FSM Ever 6 (2019 %) drives FSM6.
    fsm_rate = [Decimal(r["fsm_eligible"]) / Decimal(r["headcount"]) for r in rows]
    eal_rate = [Decimal(r["eal"]) / Decimal(r["headcount"]) for r in rows]
    fsm6_rate = [Decimal(r["fsm6_2019_pct"]) / 100 for r in rows]

    fsm = scale_to([f * n for f, n in zip(fsm_rate, rolls)], FSM_TOTAL)
    fsm6 = scale_to([f * n for f, n in zip(fsm6_rate, rolls)], FSM6_TOTAL)
    idaci = {}
    for band, total in IDACI_TOTALS.items():
        # More deprived bands lean harder on FSM share; F (least deprived) on roll only.
        power = {"A": 2, "B": 2, "C": 1, "D": 1, "E": 1, "F": 0}[band]
        idaci[band] = scale_to([(f ** power) * n for f, n in zip(fsm_rate, rolls)], total)
    lpa = scale_to([(Decimal("0.5") + f) * n for f, n in zip(fsm_rate, rolls)], LPA_TOTAL)
    eal3 = eal3_counts([e * n for e, n in zip(eal_rate, rolls)])

    out = []
    for i, r in enumerate(rows):
        nor = rolls[i]
        out.append({
            "URN": r["urn"], "LAESTAB": r["laestab"], "School": r["school_name"],
            "Phase": "primary", "Governance": "maintained", "NOR": nor, "Places": "",
            "FSM_prop": proportion(fsm[i], nor), "FSM6_prop": proportion(fsm6[i], nor),
            "EAL3_prop": proportion(eal3[i], nor),
            **{f"IDACI_{b}_prop": proportion(idaci[b][i], nor) for b in "ABCDEF"},
            "LPA_prop": proportion(lpa[i], nor),
            "Exempt": EXEMPT_SERVICES if r["urn"] == EXEMPT_URN else "",
        })
    return out


def other_schools():
    """Havering's other state-funded schools: academies (never charged) and the
    maintained special school. Factor shares are rough estimates from FSM and EAL."""
    out = []
    for r in read(ALL_SCHOOLS):
        phase = {"State-funded primary": "primary", "State-funded secondary": "secondary",
                 "State-funded special school": "special", "State-funded AP school": "pru"}.get(r["phase"])
        if phase is None or (phase == "primary" and r["academy_flag"] == "LA Maintained"):
            continue  # independent schools; maintained primaries come from the richer file
        governance = "maintained" if r["academy_flag"] == "LA Maintained" else "academy"
        if phase == "primary":
            nor = int(r["nor_primary_r_to_y6"])
        elif phase == "secondary":
            nor = int(r["nor_ks3"]) + int(r["nor_ks4"])  # Y7-Y11; sixth forms are funded apart
        else:
            nor = int(r["headcount"])
        head = Decimal(r["headcount"])
        fsm = Decimal(r["fsm_eligible"] or 0) / head
        eal = Decimal(r["eal"] or 0) / head
        places = SPECIAL_PLACES.get(r["urn"], Decimal(r["headcount"]) if phase == "special" else "")
        q = lambda x: min(x, Decimal(1)).quantize(PLACES, rounding=ROUND_HALF_UP)
        out.append({
            "URN": r["urn"], "LAESTAB": r["laestab"], "School": r["school_name"],
            "Phase": phase, "Governance": governance, "NOR": nor, "Places": places,
            "FSM_prop": q(fsm), "FSM6_prop": q(fsm * Decimal("1.47")), "EAL3_prop": q(eal * Decimal("0.6")),
            **{f"IDACI_{b}_prop": q(fsm * w) for b, w in
               zip("ABCDEF", [Decimal("0.04"), Decimal("0.18"), Decimal("0.17"), Decimal("0.42"),
                              Decimal("0.70"), Decimal("0.45")])},
            "LPA_prop": q(Decimal("0.16") + fsm),
            "Exempt": "",
        })
    return out


def build():
    schools = maintained_primaries() + other_schools()
    columns = list(schools[0].keys())
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    for s in schools:
        w.writerow({k: str(v) for k, v in s.items()})
    return buf.getvalue()


def main():
    text = build()
    if "--check" in sys.argv:
        if OUTPUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUTPUT}: differs from what build_havering_sample.py builds; rerun it")
        print(f"{OUTPUT.name}: up to date")
        return
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
