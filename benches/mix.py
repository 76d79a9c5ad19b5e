#!/usr/bin/env python3
"""Sums up `hayate run --stats` files (see benches/mix.sh): for each group of workloads and for all of
them, the most executed instructions, pairs and triples as markdown tables. Each workload weighs the
same: a count is taken as its share of that workload's instructions, and shares are averaged.

Usage: mix.py GROUP:FILE.tsv ...   (TOP=N rows per table, default 25)
"""
import os
import sys
from collections import defaultdict

TOP = int(os.environ.get("TOP", "25"))


def read(path):
    """kind -> {key: count} of one --stats file."""
    counts = {"op": {}, "pair": {}, "triple": {}}
    with open(path) as f:
        for line in f:
            kind, key, n = line.rstrip("\n").split("\t")
            counts[kind][key] = int(n)
    return counts


def table(title, workloads, kind):
    """The TOP keys of `kind` by mean share over `workloads` (name -> counts)."""
    shares = defaultdict(float)
    for counts in workloads.values():
        total = sum(counts["op"].values()) or 1
        for key, n in counts[kind].items():
            shares[key] += n / total / len(workloads)
    print(f"\n### {title}: {kind}s ({len(workloads)} workloads)\n")
    print(f"| {kind} | share of instructions |")
    print("|---|---:|")
    for key, share in sorted(shares.items(), key=lambda kv: -kv[1])[:TOP]:
        print(f"| `{key}` | {100 * share:.2f}% |")


def main(args):
    groups = defaultdict(dict)
    for arg in args:
        group, path = arg.split(":", 1)
        name = os.path.basename(path).rsplit(".", 1)[0]
        groups[group][name] = read(path)
    everything = {name: c for g in groups.values() for name, c in g.items()}
    sets = list(groups.items())
    if len(groups) > 1:
        sets.append(("all", everything))
    for title, workloads in sets:
        for kind in ("op", "pair", "triple"):
            table(title, workloads, kind)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
