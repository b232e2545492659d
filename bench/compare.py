#!/usr/bin/env python3
"""Summarise bench/run.sh measurements: print a table and write JSON.

Usage:
  compare.py --measurements FILE.tsv --lines N --py-files N --corpus DIR
             [--manifest corpus-manifest.json] [--version TOOL=STRING ...]
             [--command TOOL=STRING ...] --json OUT.json

FILE.tsv has one line per run: ``tool<TAB>run<TAB>wall_s<TAB>rss_kib<TAB>exit``.
Per tool: median wall time over its runs, peak RSS = max over its runs,
lines/second = corpus .py lines / median wall.
Ratios: bandit_median / flaskguard_median ("x faster than Bandit") and
flaskguard_median / ruff_median ("x of Ruff S"; below 1 means faster than Ruff).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
from pathlib import Path

ORDER = ["flaskguard", "ruff", "bandit"]
LABEL = {"flaskguard": "flaskguard", "ruff": "ruff --select S", "bandit": "bandit -r"}


def kv(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items or []:
        k, _, v = item.partition("=")
        out[k] = v
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--measurements", required=True, type=Path)
    ap.add_argument("--lines", required=True, type=int)
    ap.add_argument("--py-files", required=True, type=int)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--manifest", type=Path)
    ap.add_argument("--version", action="append", default=[])
    ap.add_argument("--command", action="append", default=[])
    ap.add_argument("--json", required=True, type=Path)
    a = ap.parse_args()

    versions, commands = kv(a.version), kv(a.command)
    runs: dict[str, list[dict]] = {}
    for line in a.measurements.read_text().splitlines():
        if not line.strip():
            continue
        tool, run, wall, rss, rc = line.split("\t")
        runs.setdefault(tool, []).append(
            {"run": int(run), "wall_s": round(float(wall), 6), "peak_rss_mib": round(int(rss) / 1024, 1), "exit": int(rc)}
        )

    tools = {}
    medians: dict[str, float] = {}
    for tool in sorted(runs, key=lambda t: ORDER.index(t) if t in ORDER else 99):
        rs = runs[tool]
        med = medians[tool] = statistics.median(float(r["wall_s"]) for r in rs)
        tools[tool] = {
            "version": versions.get(tool, ""),
            "command": commands.get(tool, ""),
            "runs": rs,
            "median_wall_s": round(med, 4),
            "min_wall_s": round(min(r["wall_s"] for r in rs), 4),
            "peak_rss_mib": round(max(r["peak_rss_mib"] for r in rs), 1),
            "lines_per_s": round(a.lines / med) if med > 0 else None,
        }

    fg, bandit, ruff = medians.get("flaskguard"), medians.get("bandit"), medians.get("ruff")
    ratios = {
        "faster_than_bandit": round(bandit / fg, 2) if fg and bandit else None,
        "of_ruff_s": round(fg / ruff, 4) if fg and ruff else None,
    }

    # ---- table -------------------------------------------------------------
    print()
    print(f"corpus: {a.corpus}")
    print(f"        {a.lines:,} lines of Python in {a.py_files:,} .py files; host: {os.cpu_count()} cores")
    print()
    hdr = f"{'tool':<18} {'version':<20} {'runs':>4} {'median wall s':>14} {'peak RSS MiB':>13} {'lines/s':>12}"
    print(hdr)
    print("-" * len(hdr))
    for tool, t in tools.items():
        lps = f"{t['lines_per_s']:,}" if t["lines_per_s"] else "-"
        print(
            f"{LABEL.get(tool, tool):<18} {t['version'][:20]:<20} {len(t['runs']):>4} "
            f"{t['median_wall_s']:>14.3f} {t['peak_rss_mib']:>13.1f} {lps:>12}"
        )
    print()
    if ratios["faster_than_bandit"] is not None:
        print(f"flaskguard is {ratios['faster_than_bandit']:,.1f}x faster than Bandit (bandit / flaskguard median wall)")
    if ratios["of_ruff_s"] is not None:
        print(f"flaskguard takes {ratios['of_ruff_s']:.3g}x of Ruff S's time   (flaskguard / ruff median wall)")

    result = {
        "timestamp": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "host": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "corpus": {
            "path": a.corpus,
            "py_lines": a.lines,
            "py_files": a.py_files,
            "packages": json.loads(a.manifest.read_text())["packages"] if a.manifest and a.manifest.exists() else None,
        },
        "tools": tools,
        "ratios": ratios,
    }
    a.json.parent.mkdir(parents=True, exist_ok=True)
    a.json.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nresults written to {a.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
