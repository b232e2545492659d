#!/usr/bin/env python3
"""Scores flaskguard's medium+ findings on real applications against reviewed verdicts.

Each application has a report (`<reports>/<app>.json`, from `flaskguard check . --output-format
json` run in the application's directory) and a labels file (`<labels>/<app>.tsv`: code, path,
line, verdict TP/FP, reason; written by a reviewer who read the code at every finding). A
finding is matched to a verdict by code, path and line (each verdict used once). Findings
with no verdict are "unlabelled": new since the review, or moved; they count in no figure
but are listed so that someone reviews them.

Prints, per application and in total: findings, true, false, unlabelled, precision
(true / (true + false)); and the total of what a user sees by default, without the findings
the code suppresses (`# nosec`, `# noqa: S105`, `# noqa: FG…`). Exit status 0; 2 when a report or labels file is missing.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import sys
from pathlib import Path

MEDIUM_PLUS = {"medium", "high", "critical"}


def load_labels(path: Path) -> dict[tuple[str, str, int], list[tuple[str, str]]]:
    labels: dict[tuple[str, str, int], list[tuple[str, str]]] = collections.defaultdict(list)
    with path.open(newline="", encoding="utf-8") as f:
        for n, row in enumerate(csv.DictReader(f, delimiter="\t"), start=2):
            verdict = (row.get("verdict") or "").strip()
            if verdict not in ("TP", "FP"):
                sys.exit(f"{path}:{n}: verdict must be TP or FP, got {verdict!r}")
            key = (row["code"].strip(), row["path"].strip(), int(row["line"]))
            labels[key].append((verdict, (row.get("reason") or "").strip()))
    return labels


def score(report: Path, labels_path: Path) -> tuple[collections.Counter, list[tuple]]:
    findings = [
        f for f in json.loads(report.read_text(encoding="utf-8"))["findings"]
        if f["severity"] in MEDIUM_PLUS
    ]
    labels = load_labels(labels_path)
    counts: collections.Counter = collections.Counter()
    rows = []
    for f in findings:
        loc = f["location"]
        key = (f["code"], loc["path"], loc["start"]["line"])
        verdicts = labels.get(key)
        if verdicts:
            verdict, reason = verdicts.pop(0)
        else:
            verdict, reason = "unlabelled", ""
        counts[verdict] += 1
        counts[(f["code"], verdict)] += 1
        if not f.get("suppression"):
            counts[("shown", verdict)] += 1
        rows.append((verdict, *key, f["message"], reason))
    return counts, rows


def precision(tp: int, fp: int) -> str:
    return f"{100 * tp / (tp + fp):5.1f} %" if tp + fp else "    —  "


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=Path, required=True)
    ap.add_argument("--labels", type=Path, required=True)
    ap.add_argument("--app", action="append", required=True)
    ap.add_argument("--show", choices=["fp", "tp", "unlabelled", "all"])
    ap.add_argument("--by-rule", action="store_true", help="precision per rule code")
    args = ap.parse_args()

    total: collections.Counter = collections.Counter()
    print(f"{'application':<30} {'medium+':>8} {'true':>6} {'false':>6} {'unlab.':>7}  precision")
    shown = []
    for app in args.app:
        report, labels = args.reports / f"{app}.json", args.labels / f"{app}.tsv"
        for p in (report, labels):
            if not p.is_file():
                print(f"real_apps.py: missing {p}", file=sys.stderr)
                return 2
        counts, rows = score(report, labels)
        total.update(counts)
        n = counts["TP"] + counts["FP"] + counts["unlabelled"]
        print(
            f"{app:<30} {n:>8} {counts['TP']:>6} {counts['FP']:>6} {counts['unlabelled']:>7}"
            f"  {precision(counts['TP'], counts['FP'])}"
        )
        want = {"fp": {"FP"}, "tp": {"TP"}, "unlabelled": {"unlabelled"}, "all": {"TP", "FP", "unlabelled"}}
        shown += [(app, *r) for r in rows if args.show and r[0] in want[args.show]]
    n = total["TP"] + total["FP"] + total["unlabelled"]
    print(
        f"{'total':<30} {n:>8} {total['TP']:>6} {total['FP']:>6} {total['unlabelled']:>7}"
        f"  {precision(total['TP'], total['FP'])}"
    )
    shown_tp, shown_fp = total[("shown", "TP")], total[("shown", "FP")]
    shown_un = total[("shown", "unlabelled")]
    print(
        f"{'total as shown (suppressions)':<30} {shown_tp + shown_fp + shown_un:>8} {shown_tp:>6}"
        f" {shown_fp:>6} {shown_un:>7}  {precision(shown_tp, shown_fp)}"
    )
    if args.by_rule:
        print()
        codes = sorted({k[0] for k in total if isinstance(k, tuple) and k[0] != "shown"})
        for code in codes:
            tp, fp, un = total[(code, "TP")], total[(code, "FP")], total[(code, "unlabelled")]
            print(f"  {code}  true {tp:>4}  false {fp:>4}  unlabelled {un:>4}  {precision(tp, fp)}")
    for app, verdict, code, path, line, message, reason in shown:
        print(f"\n{verdict:<10} {app}  {code}  {path}:{line}\n  {message}")
        if reason:
            print(f"  reviewer: {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
