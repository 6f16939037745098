#!/usr/bin/env python3
"""Turn the DfE January 2023 school-level census of England's state-funded
primary schools (source/england_state_funded_primary_2022_23_core.csv, 16,783
schools, Open Government Licence v3.0) into dedeleg's census format.

Real: URN, LAESTAB, name, governance (academy_flag), NOR (pupils in R-Y6), and
the FSM share (fsm_eligible / headcount). Estimated (the DfE does not publish
them per school), from the real FSM and EAL shares:
  FSM6  = FSM share x 1.37 (England's January 2019 FSM Ever 6 / FSM ratio)
  EAL3  = EAL share x 0.6
  IDACI A..F, LPA = fixed multiples of the FSM share (see ESTIMATES below)
Rows whose FSM or EAL count is suppressed or missing get 0 for that factor,
and are counted on standard error.

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
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

SOURCE = Path(__file__).resolve().parent / "source" / "england_state_funded_primary_2022_23_core.csv"
PLACES = Decimal("0.00000001")
FACTORS = ["FSM", "FSM6", "EAL3", "IDACI_A", "IDACI_B", "IDACI_C", "IDACI_D", "IDACI_E", "IDACI_F", "LPA"]
ESTIMATES = {  # share of pupils, as a multiple of the school's FSM share (plus a floor for F and LPA)
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


def share(count, headcount):
    if count in ("", None) or headcount in ("", "0", None):
        return None
    return Decimal(count) / Decimal(headcount)


def prop(value):
    # format "f": Python writes a quantized zero as "0E-8", which no spreadsheet would.
    return format(min(max(value, Decimal(0)), Decimal(1)).quantize(PLACES, rounding=ROUND_HALF_UP), "f")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--la", help="keep one local authority (old 3-digit code, e.g. 311 for Havering)")
    parser.add_argument("--out", required=True, help="CSV file to write")
    parser.add_argument("--source", default=str(SOURCE), help="the DfE extract (default: the copy beside this script)")
    args = parser.parse_args()

    rows = list(csv.DictReader(io.StringIO("".join(read_lines(Path(args.source))))))
    missing = 0
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["URN", "LAESTAB", "School", "Phase", "Governance", "NOR"] + [f + "_prop" for f in FACTORS])
    for r in rows:
        if args.la and r["la_code"] != args.la:
            continue
        fsm = share(r["fsm_eligible"], r["headcount"])
        eal = share(r["eal"], r["headcount"])
        if fsm is None or eal is None:
            missing += 1
        fsm = fsm or Decimal(0)
        eal = eal or Decimal(0)
        values = {"FSM": fsm, "FSM6": fsm * Decimal("1.37"), "EAL3": eal * Decimal("0.6")}
        for factor, (k, floor) in ESTIMATES.items():
            values[factor] = floor + k * fsm
        governance = "academy" if r["academy_flag"] == "Academy" else "maintained"
        w.writerow([r["urn"], r["laestab"], r["school_name"], "primary", governance, r["nor_primary_r_to_y6"]]
                   + [prop(values[f]) for f in FACTORS])
    if args.la and buf.getvalue().count("\n") == 1:
        sys.exit(f"no schools with la_code {args.la}")
    Path(args.out).write_text(buf.getvalue(), encoding="utf-8")
    print(f"wrote {args.out}: {buf.getvalue().count(chr(10)) - 1} schools"
          + (f"; {missing} with a suppressed FSM or EAL count set to 0" if missing else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
