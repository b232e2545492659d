#!/usr/bin/env python3
"""Scores `flaskguard probe` on the blind probe apps (tests/blind/probe/<set>/<app>/).

Each app folder has `TRUTH.tsv` (written by its author: one line per planted flaw or safe
control, with class, route rule, input) and an entry point (`run.py` or `app.py`) that prints
`LISTENING http://127.0.0.1:<port>`. An optional `probe-args` file holds extra arguments for
the probe (the login of the app, one argument per line).

For each app: start it, probe it with `--source <app folder> --active`, stop it, and match
the probe's findings (those with HTTP evidence) to the truth lines by class (the codes of
CLASS_CODES), route (the rule as a pattern) and, when several truth lines share both, the
input name. Prints per class TP/FN/TN/FP and the Youden index (TPR - FPR), the mean over
classes, the probe findings no truth line explains, requests and time.

    python3 scripts/score_probe.py [--bin target/release/flaskguard] [--set tuning] [APP...]
        [--explain] [--keep-json DIR]
"""
import argparse
import collections
import csv
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The probe codes that confirm each class of the truth files.
CLASS_CODES = {
    "sqli": {"FG620"},
    "xss-reflected": {"FG618"},
    "xss-stored": {"FG618"},
    "ssti": {"FG619"},
    "cmdi": {"FG621"},
    "code-injection": {"FG622"},
    "path-traversal": {"FG623"},
    "open-redirect": {"FG624"},
    "ssrf": {"FG625"},
    "deserialization": {"FG643"},
    "header-injection": {"FG627"},
    "insecure-cookie": {"FG609"},
    "idor": {"FG613"},
    # No probe check yet: mass assignment.
    "mass-assignment": set(),
    "default-credentials": {"FG634"},
}


def rule_pattern(rule):
    """A regex for the concrete paths a Flask URL rule matches."""
    out = "^"
    pos = 0
    for m in re.finditer(r"<(?:([a-zA-Z_]+)(?:\([^)]*\))?:)?([a-zA-Z_][a-zA-Z0-9_]*)>", rule):
        out += re.escape(rule[pos : m.start()])
        conv = m.group(1) or "string"
        out += {"int": r"-?\d+", "float": r"[\d.]+", "path": r".+"}.get(conv, r"[^/]+")
        pos = m.end()
    out += re.escape(rule[pos:]) + "/?$"
    return re.compile(out)


def venv_python():
    py = os.environ.get("FLASKGUARD_TEST_PYTHON")
    if py:
        return py
    return subprocess.run(
        [str(ROOT / "scripts/test-apps-venv.sh")], capture_output=True, text=True, check=True
    ).stdout.strip()


def start(py, entry):
    proc = subprocess.Popen(
        [py, str(entry)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    line = proc.stdout.readline()
    m = re.match(r"LISTENING (http://127\.0\.0\.1:\d+)", line)
    if not m:
        stop(proc)
        raise SystemExit(f"{entry}: no LISTENING line (got {line!r})")
    return proc, m.group(1)


def stop(proc):
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except Exception:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except Exception:
            pass


def load_truth(app):
    with open(app / "TRUTH.tsv", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for r in rows:
        r["pattern"] = rule_pattern(r["route_rule"].strip())
        r["class"] = r["class"].strip()
        r["verdict"] = r["verdict"].strip()
    return rows


def path_of(url_or_path):
    p = re.sub(r"^https?://[^/]+", "", url_or_path or "")
    return p.split("?")[0] or "/"


def matches(finding, row):
    if finding["code"] not in CLASS_CODES.get(row["class"], ()):
        return False
    # Cookie flags are a property of the cookie wherever it is set: matched by its name.
    if row["class"] == "insecure-cookie":
        if f"`{row['input_name'].strip()}`" in finding["text"]:
            return True
    if row["method"].strip().upper() not in ("", "ANY") and finding.get("method"):
        if finding["method"] != row["method"].strip().upper():
            return False
    # A finding named by its route's rule (`/notes/<int:note_id>`) is on that route.
    if finding["path"] == row["route_rule"].strip():
        return True
    return bool(row["pattern"].match(finding["path"]))


def score_app(binary, py, app, keep_json=None, explain=False):
    truth = load_truth(app)
    entry = next((app / n for n in ("run.py", "app.py") if (app / n).exists()), None)
    if entry is None:
        raise SystemExit(f"{app}: no run.py or app.py")
    extra = []
    if (app / "probe-args").exists():
        extra = [l.strip() for l in (app / "probe-args").read_text().splitlines() if l.strip() and not l.startswith("#")]
    # `probe-source` names the app's source inside the folder when the folder also holds
    # the author's tools (a generator, a checker with the exploits) that are not the app.
    source = app
    if (app / "probe-source").exists():
        source = app / (app / "probe-source").read_text().strip()
    proc, url = start(py, entry)
    began = time.time()
    try:
        out = subprocess.run(
            [binary, "probe", url, "--source", str(source), "--active", "--no-progress",
             "--output-format", "json", "--exit-zero", *extra],
            capture_output=True, text=True, timeout=900,
        )
    finally:
        stop(proc)
    elapsed = time.time() - began
    if out.returncode not in (0, 1):
        print(out.stderr, file=sys.stderr)
        raise SystemExit(f"{app}: probe exited {out.returncode}")
    report = json.loads(out.stdout)
    if keep_json:
        Path(keep_json).mkdir(parents=True, exist_ok=True)
        (Path(keep_json) / f"{app.name}.json").write_text(out.stdout)
    findings = []
    for f in report["findings"]:
        ev = f.get("evidence")
        if not ev:
            continue
        route = f.get("route") or path_of(ev.get("url"))
        method = None
        m = re.match(r"(GET|POST|PUT|PATCH|DELETE) (\S+)", route)
        if m:
            method, route = m.group(1), m.group(2)
        findings.append({
            "code": f["code"], "path": path_of(route), "method": method,
            "text": f["message"] + " " + (ev.get("url") or ""),
        })
    # Each truth line is found when some finding matches it; when several lines of the same
    # class share the route, the finding must name the line's input.
    used = set()
    result = []
    for row in truth:
        cands = [i for i, f in enumerate(findings) if matches(f, row)]
        siblings = [r for r in truth if r is not row and r["class"] == row["class"]
                    and r["pattern"].pattern == row["pattern"].pattern]
        if siblings and row["input_name"].strip():
            name = row["input_name"].strip()
            cands = [i for i in cands if re.search(r"\b" + re.escape(name) + r"\b", findings[i]["text"])]
        hit = bool(cands)
        used.update(cands)
        result.append((row, hit))
    # Probe findings of a scored class that no truth line explains.
    scored = set().union(*CLASS_CODES.values())
    unexplained = [f for i, f in enumerate(findings) if i not in used and f["code"] in scored
                   and not any(matches(f, r) for r in truth)]
    return result, unexplained, report["stats"].get("requests", 0), elapsed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "target/release/flaskguard"))
    ap.add_argument("--set", default="tuning")
    ap.add_argument("--explain", action="store_true", help="list every truth line and its outcome")
    ap.add_argument("--keep-json", help="write each probe report to this folder")
    ap.add_argument("apps", nargs="*")
    args = ap.parse_args()
    base = ROOT / "tests/blind/probe" / args.set
    apps = [base / a for a in args.apps] if args.apps else sorted(p for p in base.iterdir() if (p / "TRUTH.tsv").exists())
    py = venv_python()
    total = collections.defaultdict(lambda: [0, 0, 0, 0])  # TP FN TN FP per class
    for app in apps:
        result, unexplained, requests, elapsed = score_app(args.bin, py, app, args.keep_json, args.explain)
        per = collections.defaultdict(lambda: [0, 0, 0, 0])
        for row, hit in result:
            c = per[row["class"]]
            if row["verdict"] == "vuln":
                c[0 if hit else 1] += 1
            else:
                c[3 if hit else 2] += 1
            if args.explain:
                mark = {("vuln", True): "TP", ("vuln", False): "FN", ("safe", True): "FP", ("safe", False): "TN"}[(row["verdict"], hit)]
                print(f"  {mark} {row['id']:>6} {row['class']:<18} {row['method']:<6} {row['route_rule']:<40} {row['input_location']}:{row['input_name']}")
        found = sum(c[0] for c in per.values())
        vulns = sum(c[0] + c[1] for c in per.values())
        fps = sum(c[3] for c in per.values())
        print(f"{app.name}: {found}/{vulns} flaws found, {fps} safe controls reported, "
              f"{len(unexplained)} unexplained probe findings, {requests} requests, {elapsed:.1f} s")
        for f in unexplained[:20]:
            print(f"  unexplained: {f['code']} {f['method'] or ''} {f['path']}  {f['text'][:120]}")
        for k, v in per.items():
            for i in range(4):
                total[k][i] += v[i]
    print(f"{'class':<20} {'TP':>4} {'FN':>4} {'TN':>4} {'FP':>4} {'youden':>7}")
    youdens = []
    for k in sorted(total):
        tp, fn, tn, fp = total[k]
        tpr = tp / (tp + fn) if tp + fn else None
        fpr = fp / (fp + tn) if fp + tn else 0.0
        y = None if tpr is None else tpr - fpr
        if y is not None:
            youdens.append(y)
        print(f"{k:<20} {tp:>4} {fn:>4} {tn:>4} {fp:>4} {'' if y is None else f'{y:7.3f}'}")
    if youdens:
        print(f"mean Youden over {len(youdens)} classes: {sum(youdens) / len(youdens):.3f}")


if __name__ == "__main__":
    main()
