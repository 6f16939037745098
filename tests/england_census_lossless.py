#!/usr/bin/env python3
"""The England conversion loses no pupil: where a school's headcount is its NOR,
every converted FSM count is the DfE's own integer; elsewhere it is
fsm_eligible x NOR / headcount to within the 10th place. Reads only the copy
of the DfE file shipped in census/samples/source.

Usage: england_census_lossless.py SOURCE.csv CONVERTED.csv"""
import csv
import io
import sys
from decimal import Decimal

source_path, converted_path = sys.argv[1:3]
raw = open(source_path, "rb").read().decode("utf-8", errors="replace")
source = {r["urn"]: r for r in csv.DictReader(io.StringIO(raw))}
converted = list(csv.DictReader(open(converted_path, encoding="utf-8")))
assert len(converted) == len(source), (len(converted), len(source))
exact = estimated = 0
for row in converted:
    s = source[row["URN"]]
    nor, headcount = int(s["nor_primary_r_to_y6"]), int(s["headcount"])
    assert row["NOR"] == str(nor), row["URN"]
    if headcount == nor:
        assert row["FSM"] == s["fsm_eligible"], (row["URN"], row["FSM"], s["fsm_eligible"])
        exact += 1
    else:
        got = Decimal(row["FSM"])
        want = Decimal(s["fsm_eligible"]) * nor / headcount
        assert abs(got - want) <= Decimal("0.5e-10"), (row["URN"], got, want)
        estimated += 1
assert exact > 0 and estimated > 0
print(f"england census lossless: {exact} schools with the DfE's own FSM count, {estimated} scaled to R-Y6")
