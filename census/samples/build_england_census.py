#!/usr/bin/env python3
"""Turn the DfE January 2023 school-level census of England's state-funded
primary schools (source/england_state_funded_primary_2022_23_core.csv, 16,783
schools, Open Government Licence v3.0) into dedeleg's census format.

Every factor is written as a count of the pupils charged (NOR, reception to
year 6), never as a rounded proportion, so no pupil is lost:

Real: URN, LAESTAB, name, governance (academy_flag), NOR (pupils in R-Y6), and
FSM. Where the school's headcount equals its NOR (no nursery pupils), FSM is
the DfE's own count (fsm_eligible), unchanged. Otherwise it is an estimate:
fsm_eligible x NOR / headcount, the share of the whole school applied to R-Y6,
kept to 10 decimal places (rounded half even at the 10th place only when the
division does not end sooner; 10 places move an amount by under 1e-8 pounds).
Estimated (the DfE does not publish them per school), from the real FSM and
EAL counts scaled the same way:
  FSM6  = FSM x 1.37 (England's January 2019 FSM Ever 6 / FSM ratio)
  EAL3  = EAL x 0.6
  IDACI A..F, LPA = fixed multiples of FSM plus a share of NOR (see ESTIMATES)
A school with no pupils at all (headcount 0, NOR 0; five in the file) has 0 of
each.

Usage:
  python3 build_england_census.py --out england-primary-2023.csv
  python3 build_england_census.py --la 311 --out havering-primary.csv   # one LA (old 3-digit code)

The source file holds one Windows-1252 byte (0xE0, "St Thomas a Becket");
lines that are not UTF-8 are read as Windows-1252 so the output is UTF-8.
Standard library only; exact decimals, so the output is the same everywhere.
"""

import argparse
import csv
import io
import sys
from decimal import Decimal, ROUND_HALF_EVEN, localcontext
from pathlib import Path

SOURCE = Path(__file__).resolve().parent / "source" / "england_state_funded_primary_2022_23_core.csv"
PLACES = Decimal("1e-10")  # an estimated count keeps 10 places; a real count is whole
FACTORS = ["FSM", "FSM6", "EAL3", "IDACI_A", "IDACI_B", "IDACI_C", "IDACI_D", "IDACI_E", "IDACI_F", "LPA"]
ESTIMATES = {  # pupils, as a multiple of the school's FSM count (plus a share of NOR for F and LPA)
    "IDACI_A": (Decimal("0.10"), Decimal(0)),
    "IDACI_B": (Decimal("0.35"), Decimal(0)),
    "IDACI_C": (Decimal("0.40"), Decimal(0)),
    "IDACI_D": (Decimal("0.55"), Decimal(0)),
    "IDACI_E": (Decimal("0.70"), Decimal(0)),
    "IDACI_F": (Decimal(0), Decimal("0.08")),
    "LPA": (Decimal("0.5"), Decimal("0.15")),
}


def read_lines(path):
    """Each line as text: UTF-8, or Windows-1252 where a line is not UTF-8."""
    out = []
    for raw in path.read_bytes().splitlines(keepends=True):
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(raw.decode("cp1252"))
    return out


def scaled(count, nor, headcount):
    """The pupils of R-Y6 among `count` pupils of the whole school: the count
    itself where the headcount is the NOR, otherwise count x NOR / headcount."""
    if headcount == nor:
        return Decimal(count)
    return Decimal(count) * Decimal(nor) / Decimal(headcount)


def count_text(value, nor):
    """A count as the census writes it: whole where it is whole, never above
    NOR, at most 10 places, never in exponent form."""
    value = min(max(value, Decimal(0)), Decimal(nor))
    if value != value.to_integral_value():
        value = value.quantize(PLACES, rounding=ROUND_HALF_EVEN).normalize()
    return format(value.to_integral_value() if value == value.to_integral_value() else value, "f")


def main():
    with localcontext() as ctx:
        ctx.prec = 60  # every quotient exact well past the 10th place
        run()


def run():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--la", help="keep one local authority (old 3-digit code, e.g. 311 for Havering)")
    parser.add_argument("--out", required=True, help="CSV file to write")
    parser.add_argument("--source", default=str(SOURCE), help="the DfE extract (default: the copy beside this script)")
    args = parser.parse_args()

    rows = list(csv.DictReader(io.StringIO("".join(read_lines(Path(args.source))))))
    empty = 0
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["URN", "LAESTAB", "School", "Phase", "Governance", "NOR"] + FACTORS)
    for r in rows:
        if args.la and r["la_code"] != args.la:
            continue
        nor, headcount = int(r["nor_primary_r_to_y6"]), int(r["headcount"])
        governance = "academy" if r["academy_flag"] == "Academy" else "maintained"
        head = [r["urn"], r["laestab"], r["school_name"], "primary", governance, str(nor)]
        if headcount == 0:  # no pupils: none of them FSM, EAL...
            empty += 1
            w.writerow(head + ["0"] * len(FACTORS))
            continue
        fsm = scaled(r["fsm_eligible"], nor, headcount)
        eal = scaled(r["eal"], nor, headcount)
        values = {"FSM": fsm, "FSM6": fsm * Decimal("1.37"), "EAL3": eal * Decimal("0.6")}
        for factor, (k, floor) in ESTIMATES.items():
            values[factor] = floor * nor + k * fsm
        w.writerow(head + [count_text(values[f], nor) for f in FACTORS])
    if args.la and buf.getvalue().count("\n") == 1:
        sys.exit(f"no schools with la_code {args.la}")
    Path(args.out).write_text(buf.getvalue(), encoding="utf-8")
    print(f"wrote {args.out}: {buf.getvalue().count(chr(10)) - 1} schools"
          + (f"; {empty} with no pupils in the headcount written as 0 of each" if empty else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
