#!/usr/bin/env python3
"""Turns benches/compare.sh's hyperfine JSON into a markdown table and an SVG bar chart.

Usage: benches/report.py [RESULTS_DIR]   (default target/bench-results)
Reads RESULTS_DIR/runtimes.txt, status.tsv, groups.tsv and <workload>.json; prints the table and
writes it to benches/results.md, and draws benches/results.svg (ratio runtime / hayate per workload,
log scale). When workloads of more than one group ran (kernels, programs, real, simd), each group's
rows close with its own geometric mean and a last row averages over all of them. The simd group
(benches/programs/simd/: NAME is the scalar build, NAME.simd the -msimd128 build of the same source)
also gets a geomean over each kind of build, and a second table: per runtime, the time of the SIMD
build over the scalar one (< 1: SIMD helps).
Standard library only.
"""
import json
import math
import os
import sys
from datetime import datetime, timezone

BENCHES = os.path.dirname(os.path.abspath(__file__))
COLOURS = ["#d9480f", "#1971c2", "#2f9e44", "#7048e8", "#e67700"]


def load(results_dir):
    with open(os.path.join(results_dir, "runtimes.txt")) as f:
        runtimes = [line.strip() for line in f if line.strip()]
    workloads, status = [], {}
    with open(os.path.join(results_dir, "status.tsv")) as f:
        for line in f:
            name, runtime, state, detail = (line.rstrip("\n").split("\t") + [""])[:4]
            if name not in workloads:
                workloads.append(name)
            status[name, runtime] = (state, detail)
    groups = {}
    groups_path = os.path.join(results_dir, "groups.tsv")
    if os.path.exists(groups_path):
        with open(groups_path) as f:
            for line in f:
                name, group = (line.rstrip("\n").split("\t") + [""])[:2]
                groups[name] = group
    medians = {}
    for name in workloads:
        path = os.path.join(results_dir, name + ".json")
        if not os.path.exists(path):
            continue
        with open(path) as f:
            for result in json.load(f)["results"]:
                medians[name, result["command"]] = result["median"]
    return runtimes, workloads, status, medians, groups


GROUP_TITLES = {"kernels": "kernels", "programs": "C programs", "real": "real programs", "simd": "SIMD programs"}


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def table(runtimes, workloads, status, medians, groups):
    """Rows of cells; ratios[runtime] holds (workload, ratio) pairs valid for the geometric mean."""
    peers = [r for r in runtimes if r != "hayate"]
    header = ["workload"] + [f"{r} (s)" for r in runtimes] + [f"{p} / hayate" for p in peers]
    rows, ratios = [], {r: [] for r in peers}
    in_order = list(dict.fromkeys(groups.get(w, "") for w in workloads))
    if len(in_order) > 1 or "simd" in in_order:
        for group in in_order:
            members = [w for w in workloads if groups.get(w, "") == group]
            group_rows, _ = rows_and_ratios(runtimes, peers, members, status, medians)
            rows += group_rows[:-1]
            title = GROUP_TITLES.get(group, group)
            if group == "simd":
                for kind, builds in [("scalar builds", [w for w in members if not w.endswith(".simd")]),
                                     ("SIMD builds", [w for w in members if w.endswith(".simd")])]:
                    kind_rows, _ = rows_and_ratios(runtimes, peers, builds, status, medians)
                    rows.append([f"**geomean, {title}, {kind}**"] + kind_rows[-1][1:])
            rows.append([f"**geomean, {title}**"] + group_rows[-1][1:])
        all_rows, ratios = rows_and_ratios(runtimes, peers, workloads, status, medians)
        rows.append(["**geomean, all**"] + all_rows[-1][1:])
        return header, rows, ratios
    rows, ratios = rows_and_ratios(runtimes, peers, workloads, status, medians)
    return header, rows, ratios


def rows_and_ratios(runtimes, peers, workloads, status, medians):
    """One row per workload and a closing geomean row, and the valid ratios of each peer."""
    rows, ratios = [], {r: [] for r in peers}
    for name in workloads:
        row = [name]
        for r in runtimes:
            state, _ = status.get((name, r), ("missing", ""))
            if (name, r) in medians:
                cell = f"{medians[name, r]:.3f}"
                if state != "ok":
                    cell += " (wrong result)"
            else:
                cell = {"fail": "failed", "mismatch": "wrong result"}.get(state, "–")
            row.append(cell)
        base_ok = status.get((name, "hayate"), ("",))[0] == "ok" and (name, "hayate") in medians
        for p in peers:
            peer_ok = status.get((name, p), ("",))[0] == "ok" and (name, p) in medians
            if (name, p) in medians and (name, "hayate") in medians:
                ratio = medians[name, p] / medians[name, "hayate"]
                if base_ok and peer_ok:
                    ratios[p].append((name, ratio))
                    row.append(f"{ratio:.2f}")
                else:
                    row.append(f"{ratio:.2f} (invalid)")
            else:
                row.append("–")
        rows.append(row)
    # Times are averaged only over workloads every runtime got right, so the columns compare like
    # with like; each ratio column is averaged over its own valid ratios.
    common = [n for n in workloads if all(status.get((n, r), ("",))[0] == "ok" and (n, r) in medians
                                          for r in runtimes)]
    mean = ["**geomean**"]
    for r in runtimes:
        g = geomean([medians[n, r] for n in common])
        mean.append(f"{g:.3f}" if g else "–")
    for p in peers:
        g = geomean([x for _, x in ratios[p]])
        mean.append(f"**{g:.2f}**" if g else "–")
    rows.append(mean)
    return rows, ratios


def simd_speedups(runtimes, workloads, status, medians):
    """Header and rows: per SIMD program, each runtime's time of NAME.simd over NAME, and a geomean."""
    pairs = [w for w in workloads if w + ".simd" in workloads]
    if not pairs:
        return None, []
    header = ["program"] + [f"{r} simd / scalar" for r in runtimes]
    rows, per_runtime = [], {r: [] for r in runtimes}
    for name in pairs:
        row = [name]
        for r in runtimes:
            ok = all(status.get((w, r), ("",))[0] == "ok" and (w, r) in medians for w in (name, name + ".simd"))
            if ok:
                ratio = medians[name + ".simd", r] / medians[name, r]
                per_runtime[r].append(ratio)
                row.append(f"{ratio:.2f}")
            else:
                row.append("–")
        rows.append(row)
    means = [geomean(per_runtime[r]) for r in runtimes]
    rows.append(["**geomean**"] + [f"**{g:.2f}**" if g else "–" for g in means])
    return header, rows


def markdown(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def svg(ratios, workloads):
    """A grouped horizontal bar chart of ratio runtime / hayate per workload, log2 scale centred on 1."""
    peers = [p for p in ratios if ratios[p]]
    if not peers:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><text x="10" y="25">no valid ratios</text></svg>\n'
    values = {(w, p): r for p in peers for w, r in ratios[p]}
    means = {p: geomean([r for _, r in ratios[p]]) for p in peers}
    names = [w for w in workloads if any((w, p) in values for p in peers)] + ["geomean"]
    for p in peers:
        values["geomean", p] = means[p]
    span = max(1.0, max(abs(math.log2(v)) for v in values.values()))
    span = math.ceil(span)
    bar, gap, left, width, top = 14, 10, 110, 520, 50
    group = bar * len(peers) + gap
    height = top + group * len(names) + 40
    mid = left + width / 2

    def x_of(ratio):
        return mid + math.log2(ratio) / span * (width / 2)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 150}" height="{height}" '
        'font-family="sans-serif" font-size="12">',
        '<rect width="100%" height="100%" fill="white"/>',
        f'<text x="{left}" y="20" font-size="14" font-weight="bold">Time of peer / time of hayate '
        '(right of 1 = hayate faster, log scale)</text>',
    ]
    for k in range(-span, span + 1):
        x = x_of(2.0**k)
        label = f"{2.0**k:g}"
        out.append(f'<line x1="{x:.1f}" y1="{top - 8}" x2="{x:.1f}" y2="{height - 35}" '
                   f'stroke="{"#333" if k == 0 else "#ddd"}"/>')
        out.append(f'<text x="{x:.1f}" y="{height - 20}" text-anchor="middle">{label}×</text>')
    for i, name in enumerate(names):
        y0 = top + i * group
        weight = ' font-weight="bold"' if name == "geomean" else ""
        out.append(f'<text x="{left - 8}" y="{y0 + group / 2}" text-anchor="end"{weight}>{name}</text>')
        for j, p in enumerate(peers):
            if (name, p) not in values:
                continue
            r = values[name, p]
            x = x_of(r)
            y = y0 + j * bar
            out.append(f'<rect x="{min(x, mid):.1f}" y="{y}" width="{abs(x - mid):.1f}" height="{bar - 2}" '
                       f'fill="{COLOURS[j % len(COLOURS)]}"><title>{name}: {p} / hayate = {r:.2f}</title></rect>')
            anchor, dx = ("start", 4) if r >= 1 else ("end", -4)
            out.append(f'<text x="{x + dx:.1f}" y="{y + bar - 4}" text-anchor="{anchor}" font-size="10">{r:.2f}</text>')
    for j, p in enumerate(peers):
        y = top + j * 18
        out.append(f'<rect x="{left + width + 20}" y="{y}" width="12" height="12" fill="{COLOURS[j % len(COLOURS)]}"/>')
        out.append(f'<text x="{left + width + 38}" y="{y + 10}">{p}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    results_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(BENCHES, "..", "target", "bench-results")
    runtimes, workloads, status, medians, groups = load(results_dir)
    header, rows, ratios = table(runtimes, workloads, status, medians, groups)
    md = markdown(header, rows)
    simd_header, simd_rows = simd_speedups(runtimes, workloads, status, medians)
    if simd_rows:
        md += ("\n\nSIMD programs, time of the -msimd128 build over the scalar build of the same source "
               "(< 1: the SIMD build is faster):\n\n" + markdown(simd_header, simd_rows))
    print(md)
    problems = [f"- {w} / {r}: {s} ({d})" for (w, r), (s, d) in status.items() if s != "ok"]
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    with open(os.path.join(BENCHES, "results.md"), "w") as f:
        f.write(f"<!-- Generated by benches/compare.sh ({stamp}); do not edit by hand. -->\n")
        f.write("# hayate vs peer runtimes\n\n")
        f.write("Median wall-clock seconds per run of each workload (whole process: startup, parse, "
                "translate, execute; kernels from wat/ through `run --invoke`, C programs from "
                "benches/programs/ as WASI commands), and ratio = peer time / hayate time "
                "(> 1: hayate faster). wasmtime-pulley is wasmtime's Pulley interpreter "
                "(`--target pulley64`). "
                "A geomean row averages times over the workloads every runtime got right and each "
                "ratio column over its valid ratios; with more than one group (kernels, C programs, "
                "real programs, SIMD programs) each group has its own and the last row covers all.\n\n")
        f.write(md + "\n")
        meta = os.path.join(results_dir, "meta.txt")
        if os.path.exists(meta):
            with open(meta) as m:
                f.write("\nSetup:\n\n" + "".join(f"- {line}" for line in m if line.strip()))
        if problems:
            f.write("\nProblems:\n\n" + "\n".join(problems) + "\n")
    with open(os.path.join(BENCHES, "results.svg"), "w") as f:
        f.write("<!-- Generated by benches/report.py from benches/compare.sh results. -->\n")
        f.write(svg(ratios, workloads))


if __name__ == "__main__":
    main()
