#!/usr/bin/env python3
"""Checks a run of the in-process benchmark (./mvnw -Pbenchmarks test) against the recorded figures.

Every implementation is compared by its ratio to the hand-written limit measured in the same run, never by its
absolute rate (the machine is shared and JMH iterations vary up to 1.8x here): a ratio more than 30 % below the
recorded one is a regression, and the script exits 1. Without a result file it runs the benchmark first.

    python3 scripts/benchmark-check.py                          # run the benchmark, then compare
    python3 scripts/benchmark-check.py target/benchmarks/jmh-result.json
    python3 scripts/benchmark-check.py --record RESULT.json     # make RESULT the recorded figures (after a change
                                                                # that is meant to move them; say so in the notes)
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RECORDED = os.path.join(ROOT, "src", "benchmark", "recorded-figures.json")
RESULT = os.path.join(ROOT, "target", "benchmarks", "jmh-result.json")
LIMIT = "handWritten"
PEER = "droolsDmn"
ALLOWED_DROP = 0.30


def scores(jmh_result):
    """Decisions per second by benchmark method, from JMH's JSON result."""
    with open(jmh_result, encoding="utf-8") as f:
        runs = json.load(f)
    return {run["benchmark"].rsplit(".", 1)[-1]: run["primaryMetric"]["score"] for run in runs}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("result", nargs="?", help="JMH's JSON result (default: run the benchmark)")
    parser.add_argument("--record", action="store_true", help="write the result as the recorded figures")
    arguments = parser.parse_args()

    result = arguments.result
    if result is None:
        subprocess.run([os.path.join(ROOT, "mvnw"), "-q", "-Pbenchmarks", "test"], cwd=ROOT, check=True)
        result = RESULT
    measured = scores(result)
    if LIMIT not in measured:
        sys.exit(f"{result} has no {LIMIT} run: the ratios need the limit measured in the same run")

    if arguments.record:
        with open(RECORDED, "w", encoding="utf-8") as f:
            json.dump({"decisionsPerSecond": measured}, f, indent=2, sort_keys=True)
            f.write("\n")
        print(f"recorded {result} as {RECORDED}")
        return 0

    with open(RECORDED, encoding="utf-8") as f:
        recorded = json.load(f)["decisionsPerSecond"]
    regressions = []
    print(f"{'benchmark':24} {'decisions/s':>13} {'vs limit':>10} {'recorded':>10} {'change':>8} {'vs DMN':>7}")
    for name, score in measured.items():
        ratio = score / measured[LIMIT]
        line = f"{name:24} {score:13,.0f} {ratio:10.6f}"
        if name != LIMIT and name in recorded:
            was = recorded[name] / recorded[LIMIT]
            change = ratio / was - 1
            line += f" {was:10.6f} {change:+8.1%}"
            if change < -ALLOWED_DROP:
                regressions.append(f"{name}: {ratio:.6f} of the limit, recorded {was:.6f} ({change:+.1%})")
        else:
            line += f" {'':10} {'':8}"
        if PEER in measured:
            line += f" {score / measured[PEER]:7.2f}"
        print(line)
    missing = sorted(set(recorded) - set(measured))
    if missing:
        print("not in this run: " + ", ".join(missing))
    if regressions:
        print(f"REGRESSION (more than {ALLOWED_DROP:.0%} below the recorded ratio to the limit):")
        for regression in regressions:
            print("  " + regression)
        return 1
    print(f"no ratio to the limit dropped by more than {ALLOWED_DROP:.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
