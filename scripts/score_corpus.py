#!/usr/bin/env python3
"""Score flaskguard on a labeled corpus of Flask endpoints.

Runs ``flaskguard check CORPUS --output-format json --exit-zero --isolated``, times it,
and compares its findings with the labels in the corpus CSV (``file,category,vulnerable,CWE``;
``file`` relative to the corpus directory). A case counts as *flagged* when any finding in
its file comes from a rule whose CWE list contains the case's CWE, so a finding of another
kind in the same file (say a weak hash in an SQL-injection case) neither helps nor hurts.

Per category it prints TP, FN, TN, FP, TPR = TP / (TP + FN), FPR = FP / (FP + TN) and
score = TPR - FPR, then the overall score (the mean of the category scores) and the runtime.

Exit status: 0 = scored (and every bar given on the command line met), 1 = a bar given
with --min-score / --min-category not met, 2 = flaskguard failed, its output was not a
JSON report, or the CSV is malformed or names a file that does not exist.

Examples:
  python3 scripts/score_corpus.py
  python3 scripts/score_corpus.py --min-score 0.95 --min-category 0.85
  python3 scripts/score_corpus.py --explain sqli --explain xss
  python3 scripts/score_corpus.py --bin target/debug/flaskguard --json /tmp/score.json

Standard library only (Python 3.8+).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import time
from collections import defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join(REPO, "tests", "corpus")


class ScoreError(Exception):
    """Anything that makes the score meaningless: exit status 2."""


def default_bin() -> str:
    """The newer of target/release/flaskguard and target/debug/flaskguard."""
    built = []
    for kind in ("release", "debug"):
        path = os.path.join(REPO, "target", kind, "flaskguard")
        if os.path.isfile(path) and os.access(path, os.X_OK):
            built.append((os.path.getmtime(path), path))
    if built:
        return max(built)[1]
    return os.path.join(REPO, "target", "release", "flaskguard")


def parse_args(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        description="Run flaskguard on a labeled corpus and print per-category TPR/FPR/score.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Bars are enforced only when given; without them the script only reports.",
    )
    ap.add_argument("--bin", help="flaskguard binary (default: the newer of target/release/flaskguard "
                    "and target/debug/flaskguard)")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help="corpus directory (default: tests/corpus)")
    ap.add_argument("--csv", help="expected results (default: CORPUS/expected.csv)")
    ap.add_argument("--min-score", type=float, help="fail (exit 1) if the overall mean score is below this")
    ap.add_argument("--min-category", type=float, help="fail (exit 1) if any category score is below this")
    ap.add_argument("--json", metavar="OUT", help="write the numbers as JSON to OUT")
    ap.add_argument("--explain", metavar="CATEGORY", action="append", default=[],
                    help="list the false negatives and false positives of CATEGORY with the findings "
                         "seen in each file (repeatable; 'all' for every category)")
    ap.add_argument("--report", metavar="FILE",
                    help="score this existing flaskguard JSON report instead of running flaskguard")
    ap.add_argument("--flaskguard-arg", metavar="ARG", action="append", default=[],
                    help="extra argument passed to 'flaskguard check' (repeatable), e.g. "
                         "--flaskguard-arg=--select=FG9")
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds before flaskguard is stopped")
    return ap.parse_args(argv)


# ------------------------------------------------------------------------------------------
def load_cases(csv_path: str, corpus: str) -> list[dict]:
    if not os.path.isfile(csv_path):
        raise ScoreError(f"expected-results CSV not found: {csv_path}")
    cases = []
    seen = set()
    missing = []
    with open(csv_path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        need = {"file", "category", "vulnerable", "CWE"}
        if reader.fieldnames is None or not need <= set(reader.fieldnames):
            raise ScoreError(f"{csv_path}: header must be file,category,vulnerable,CWE "
                             f"(got {reader.fieldnames})")
        for lineno, row in enumerate(reader, start=2):
            rel = (row["file"] or "").strip().replace("\\", "/")
            vuln = (row["vulnerable"] or "").strip().lower()
            if vuln not in ("true", "false"):
                raise ScoreError(f"{csv_path}:{lineno}: vulnerable must be true or false, got {vuln!r}")
            cwe_txt = (row["CWE"] or "").strip().upper()
            if cwe_txt.startswith("CWE-"):
                cwe_txt = cwe_txt[4:]
            try:
                cwe = int(cwe_txt)
            except ValueError:
                raise ScoreError(f"{csv_path}:{lineno}: CWE must be a number, got {row['CWE']!r}") from None
            category = (row["category"] or "").strip()
            if not rel or not category:
                raise ScoreError(f"{csv_path}:{lineno}: empty file or category")
            if rel in seen:
                raise ScoreError(f"{csv_path}:{lineno}: {rel} is listed twice")
            seen.add(rel)
            if not os.path.exists(os.path.join(corpus, rel)):
                missing.append(f"{csv_path}:{lineno}: {rel}")
            cases.append({"file": rel, "category": category, "vulnerable": vuln == "true", "cwe": cwe})
    if missing:
        shown = "\n  ".join(missing[:20])
        more = f"\n  ... and {len(missing) - 20} more" if len(missing) > 20 else ""
        raise ScoreError(f"the CSV names {len(missing)} file(s) missing from {corpus}:\n  {shown}{more}")
    if not cases:
        raise ScoreError(f"{csv_path} lists no cases")
    return cases


def run_corpus(binary: str, corpus: str, cases: list[dict], extra: list[str],
               timeout: float) -> tuple[dict, float, str]:
    """One run over the single-file cases, and one per directory case (a project of its own)."""
    corpus_dir = os.path.abspath(corpus)
    dirs = [c["file"] for c in cases if os.path.isdir(os.path.join(corpus_dir, c["file"]))]
    excludes = [arg for d in dirs for arg in ("--exclude", d)]
    report, wall, command = run_flaskguard(binary, corpus, [*excludes, *extra], timeout)
    rules = {r.get("code"): r for r in report.get("rules") or []}
    for d in dirs:
        sub, took, _ = run_flaskguard(binary, os.path.join(corpus, d), extra, timeout)
        wall += took
        report["findings"].extend(sub["findings"])
        for r in sub.get("rules") or []:
            rules.setdefault(r.get("code"), r)
    report["rules"] = list(rules.values())
    if dirs:
        command += f"  (+ {len(dirs)} directory cases, each scanned as its own project)"
    return report, wall, command


def run_flaskguard(binary: str, corpus: str, extra: list[str], timeout: float) -> tuple[dict, float, str]:
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        raise ScoreError(f"no flaskguard binary at {binary} (build it with 'cargo build --release' "
                         "or pass --bin)")
    cmd = [binary, "check", corpus, "--output-format", "json", "--exit-zero", "--isolated", *extra]
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise ScoreError(f"flaskguard did not finish within {timeout:g} s: {' '.join(cmd)}") from None
    except OSError as exc:
        raise ScoreError(f"could not run {binary}: {exc}") from None
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()
        raise ScoreError(f"flaskguard exited with status {proc.returncode}: {' '.join(cmd)}\n{err[-4000:]}")
    try:
        report = json.loads(proc.stdout)
    except ValueError as exc:
        raise ScoreError(f"flaskguard's output is not JSON ({exc}): {' '.join(cmd)}") from None
    if not isinstance(report, dict) or not isinstance(report.get("findings"), list):
        raise ScoreError("flaskguard's JSON has no findings[] array")
    return report, wall, " ".join(cmd)


def rule_cwes(report: dict) -> dict[str, list[int]]:
    cwes = {}
    for rule in report.get("rules") or []:
        code = rule.get("code")
        if code:
            cwes[code] = [int(c) for c in rule.get("cwe") or [] if str(c).isdigit()]
    return cwes


def findings_by_file(report: dict, corpus: str, run_cwd: str) -> tuple[dict[str, list[dict]], list[dict]]:
    """Map each finding to a path relative to the corpus (posix); also return those outside it."""
    corpus_real = os.path.realpath(corpus)
    root = report.get("root") or run_cwd
    by_file: dict[str, list[dict]] = defaultdict(list)
    outside = []
    for f in report["findings"]:
        path = ((f.get("location") or {}).get("path")) or ""
        if not path:
            outside.append(f)
            continue
        candidates = [path] if os.path.isabs(path) else [os.path.join(run_cwd, path), os.path.join(root, path)]
        resolved = None
        for cand in candidates:
            real = os.path.realpath(cand)
            if os.path.exists(real) or cand is candidates[-1]:
                resolved = real
                break
        rel = os.path.relpath(resolved, corpus_real)
        if rel.startswith(".." + os.sep) or rel == ".." or os.path.isabs(rel):
            outside.append(f)
            continue
        by_file[rel.replace(os.sep, "/")].append(f)
    return by_file, outside


# ------------------------------------------------------------------------------------------
def case_findings(case: dict, by_file: dict[str, list[dict]]) -> list[dict]:
    """The findings of a case: in its file, or anywhere under its directory."""
    name = case["file"].rstrip("/")
    found = list(by_file.get(name, []))
    prefix = name + "/"
    for path, fs in by_file.items():
        if path.startswith(prefix):
            found.extend(fs)
    return found


def score(cases: list[dict], by_file: dict[str, list[dict]], cwes: dict[str, list[int]]) -> dict:
    cats: dict[str, dict] = {}
    for case in cases:
        matching = [f for f in case_findings(case, by_file) if case["cwe"] in cwes.get(f.get("code"), [])]
        case["flagged"] = bool(matching)
        case["matching"] = matching
        c = cats.setdefault(case["category"], {"cwe": set(), "tp": 0, "fn": 0, "tn": 0, "fp": 0})
        c["cwe"].add(case["cwe"])
        key = ("tp" if case["flagged"] else "fn") if case["vulnerable"] else ("fp" if case["flagged"] else "tn")
        c[key] += 1
    for c in cats.values():
        pos, neg = c["tp"] + c["fn"], c["tn"] + c["fp"]
        # A category without positives (negatives) has nothing to miss (to flag wrongly).
        c["tpr"] = c["tp"] / pos if pos else 1.0
        c["fpr"] = c["fp"] / neg if neg else 0.0
        c["score"] = c["tpr"] - c["fpr"]
        c["cwe"] = sorted(c["cwe"])
    overall = sum(c["score"] for c in cats.values()) / len(cats)
    return {"categories": dict(sorted(cats.items())), "overall": overall}


def fmt_finding(f: dict, cwes: dict[str, list[int]], want: int) -> str:
    loc = f.get("location") or {}
    start = loc.get("start") or {}
    code = f.get("code", "?")
    rule_cwe = cwes.get(code, [])
    mark = "*" if want in rule_cwe else " "
    cwe_txt = ",".join(str(c) for c in rule_cwe) or "-"
    return (f"    {mark} {code} [CWE {cwe_txt}] {loc.get('path', '?')}:{start.get('line', '?')}:{start.get('column', '?')} "
            f"{f.get('severity', '')} {f.get('message', '')}")


def explain(categories: list[str], cases: list[dict], by_file: dict[str, list[dict]],
            cwes: dict[str, list[int]], known: list[str]) -> None:
    wanted = known if "all" in categories else categories
    for cat in wanted:
        if cat not in known:
            print(f"\n--explain {cat}: no such category (known: {', '.join(known)})")
            continue
        mine = [c for c in cases if c["category"] == cat]
        fns = [c for c in mine if c["vulnerable"] and not c["flagged"]]
        fps = [c for c in mine if not c["vulnerable"] and c["flagged"]]
        print(f"\n== {cat}: {len(fns)} false negative(s), {len(fps)} false positive(s) "
              "(* = finding whose rule has the case's CWE)")
        for title, group in (("false negatives (vulnerable, not flagged)", fns),
                             ("false positives (safe, flagged)", fps)):
            print(f"  {title}:")
            if not group:
                print("    none")
            for c in group:
                seen = case_findings(c, by_file)
                seen.sort(key=lambda f: ((f.get('location') or {}).get('path') or ""))
                print(f"  {c['file']} (CWE {c['cwe']}): {len(seen)} finding(s)")
                for f in sorted(seen, key=lambda f: ((f.get('location') or {}).get('start') or {}).get('line', 0)):
                    print(fmt_finding(f, cwes, c["cwe"]))


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    corpus = os.path.abspath(args.corpus)
    csv_path = os.path.abspath(args.csv) if args.csv else os.path.join(corpus, "expected.csv")
    binary = os.path.abspath(args.bin) if args.bin else default_bin()
    run_cwd = os.getcwd()
    try:
        if not os.path.isdir(corpus):
            raise ScoreError(f"corpus directory not found: {corpus}")
        cases = load_cases(csv_path, corpus)
        if args.report:
            try:
                with open(args.report, encoding="utf-8") as fh:
                    report = json.load(fh)
            except (OSError, ValueError) as exc:
                raise ScoreError(f"cannot read report {args.report}: {exc}") from None
            if not isinstance(report, dict) or not isinstance(report.get("findings"), list):
                raise ScoreError(f"{args.report} is not a flaskguard JSON report")
            wall, command = None, f"(report {args.report})"
        else:
            report, wall, command = run_corpus(binary, args.corpus, cases, args.flaskguard_arg, args.timeout)
    except ScoreError as exc:
        print(f"score_corpus: {exc}", file=sys.stderr)
        return 2

    cwes = rule_cwes(report)
    by_file, outside = findings_by_file(report, corpus, run_cwd)
    result = score(cases, by_file, cwes)
    cats = result["categories"]
    labeled = {c["file"] for c in cases}
    unlabeled = sum(len(v) for k, v in by_file.items()
                    if k not in labeled and not any(k.startswith(c.rstrip("/") + "/") for c in labeled))

    tool = report.get("tool") or {}
    stats = report.get("stats") or {}
    n_vuln = sum(c["vulnerable"] for c in cases)
    print(f"flaskguard {tool.get('version', '?')} on {os.path.relpath(corpus, run_cwd)}: "
          f"{len(cases)} cases ({n_vuln} vulnerable, {len(cases) - n_vuln} safe) in {len(cats)} categories")
    print(f"command: {command}")
    header = f"{'category':<16} {'CWE':>5} {'TP':>4} {'FN':>4} {'TN':>4} {'FP':>4} {'TPR':>7} {'FPR':>7} {'score':>7}"
    print()
    print(header)
    print("-" * len(header))
    low = []
    for name, c in cats.items():
        flag = ""
        if args.min_category is not None and c["score"] < args.min_category:
            flag = "  < bar"
            low.append(name)
        cwe = "/".join(str(x) for x in c["cwe"])
        print(f"{name:<16} {cwe:>5} {c['tp']:>4} {c['fn']:>4} {c['tn']:>4} {c['fp']:>4} "
              f"{c['tpr']:>7.3f} {c['fpr']:>7.3f} {c['score']:>7.3f}{flag}")
    print("-" * len(header))
    tot = {k: sum(c[k] for c in cats.values()) for k in ("tp", "fn", "tn", "fp")}
    print(f"{'total':<16} {'':>5} {tot['tp']:>4} {tot['fn']:>4} {tot['tn']:>4} {tot['fp']:>4}")
    print()
    overall = result["overall"]
    bar_txt = ""
    if args.min_score is not None:
        bar_txt = f"  (bar {args.min_score:g}: {'met' if overall >= args.min_score else 'NOT met'})"
    print(f"overall score (mean of {len(cats)} category scores): {overall:.3f}{bar_txt}")
    if args.min_category is not None:
        print(f"categories below {args.min_category:g}: {', '.join(low) if low else 'none'}")
    dur = stats.get("duration_ms")
    if wall is not None:
        own = []
        if dur is not None:
            own.append(f"{dur} ms by its own clock")
        if stats.get("files") is not None:
            own.append(f"{stats['files']} files, {stats.get('lines', '?')} lines")
        print(f"runtime: {wall:.3f} s wall" + (f" ({'; '.join(own)})" if own else ""))
    elif dur is not None:
        print(f"runtime: {dur} ms (from the report)")
    if unlabeled or outside:
        print(f"note: {unlabeled} finding(s) in corpus files without a label (helpers, templates) "
              f"and {len(outside)} outside the corpus were not scored")
    errors = report.get("errors") or []
    if errors:
        print(f"note: flaskguard reported {len(errors)} error(s); first: {errors[0]}")

    if args.explain:
        explain(args.explain, cases, by_file, cwes, list(cats))

    failed = (args.min_score is not None and overall < args.min_score) or bool(low)
    if args.json:
        out = {
            "tool": tool, "binary": None if args.report else binary, "command": command,
            "corpus": corpus, "csv": csv_path, "cases": len(cases), "vulnerable": n_vuln,
            "runtime_seconds": wall, "flaskguard_duration_ms": dur,
            "overall_score": overall,
            "categories": cats,
            "bars": {"min_score": args.min_score, "min_category": args.min_category,
                     "categories_below": low, "passed": not failed},
            "cases_detail": [{k: c[k] for k in ("file", "category", "vulnerable", "cwe", "flagged")}
                             for c in cases],
            "unscored_findings": unlabeled + len(outside),
        }
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=2)
            fh.write("\n")
    if failed:
        print("FAILED: below the bar", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
