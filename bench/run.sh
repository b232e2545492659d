#!/usr/bin/env bash
# Benchmark flaskguard against Bandit and Ruff's flake8-bandit rules (S) on a
# ~1.5M-line corpus of real Python from PyPI. See bench/README.md.
set -euo pipefail
export LC_ALL=C  # decimal points, not commas, in times

usage() {
    cat <<'EOF'
Usage: bench/run.sh [options]

  --runs N          runs of flaskguard and ruff each (default 3; median is reported)
  --bandit-runs N   runs of bandit (default 1: it takes minutes)
  --skip-bandit     do not run bandit at all
  --skip-ruff       do not run ruff
  --skip-flaskguard do not run flaskguard (e.g. before it builds)
  --corpus DIR      benchmark DIR instead of the pinned PyPI corpus
  -h, --help        this help

Environment:
  FLASKGUARD_BIN          flaskguard binary (default: <repo>/target/release/flaskguard)
  FLASKGUARD_BENCH_CACHE  cache dir for wheels, corpus, venv, results
                          (default: $HOME/.cache/flaskguard-bench; never inside the repo)
  PYTHON                  python used to build the venv and corpus (default: python3)
  FLASKGUARD_BENCH_TIMER  gnu-time or python (default: gnu-time if /usr/bin/time -v works)
EOF
}

# ---- pins --------------------------------------------------------------------
# Wheels of large pure-Python projects plus Flask and its ecosystem. The wheels
# are fetched as pure-Python (py3-none-any) for Python 3.11 whatever the host's
# Python, so the corpus is the same everywhere. Changing this list rebuilds it.
CORPUS_PINS=(
    sympy==1.13.3
    sqlalchemy==2.0.36
    django==5.1.4
    apache-superset==5.0.0
    apache-airflow==2.10.4
    flask-admin==1.6.1
    werkzeug==3.1.3
    flask-appbuilder==4.6.3
    jinja2==3.1.5
    flask==3.1.0
    flask-restx==1.3.0
    flask-sqlalchemy==3.1.1
    flask-login==0.6.3
    flask-wtf==1.2.2
)
TOOL_PINS=(bandit==1.9.4 ruff==0.17.6)
CORPUS_FORMAT=1  # bump when build_corpus.py changes what it extracts

# ---- arguments -----------------------------------------------------------------
RUNS=3
BANDIT_RUNS=1
SKIP_BANDIT=0
SKIP_RUFF=0
SKIP_FG=0
CORPUS_OVERRIDE=""
while (($#)); do
    case "$1" in
        --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
        --runs=*) RUNS="${1#*=}"; shift ;;
        --bandit-runs) BANDIT_RUNS="${2:?--bandit-runs needs a number}"; shift 2 ;;
        --bandit-runs=*) BANDIT_RUNS="${1#*=}"; shift ;;
        --skip-bandit) SKIP_BANDIT=1; shift ;;
        --skip-ruff) SKIP_RUFF=1; shift ;;
        --skip-flaskguard) SKIP_FG=1; shift ;;
        --corpus) CORPUS_OVERRIDE="${2:?--corpus needs a directory}"; shift 2 ;;
        --corpus=*) CORPUS_OVERRIDE="${1#*=}"; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
for n in "$RUNS" "$BANDIT_RUNS"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: run counts must be positive integers, got '$n'" >&2; exit 2; }
done

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/.." && pwd)"
PYTHON="${PYTHON:-python3}"
FLASKGUARD_BIN="${FLASKGUARD_BIN:-$REPO_ROOT/target/release/flaskguard}"
CACHE="${FLASKGUARD_BENCH_CACHE:-$HOME/.cache/flaskguard-bench}"
CACHE="$(realpath -m "$CACHE")"
case "$CACHE/" in
    "$(realpath "$REPO_ROOT")/"*)
        echo "run.sh: cache dir $CACHE is inside the repo; set FLASKGUARD_BENCH_CACHE elsewhere" >&2
        exit 2 ;;
esac
mkdir -p "$CACHE"

log() { printf '==> %s\n' "$*" >&2; }

# ---- 1. corpus -------------------------------------------------------------------
CORPUS="$CACHE/corpus"
MANIFEST="$CACHE/corpus-manifest.json"
if [[ -n "$CORPUS_OVERRIDE" ]]; then
    CORPUS="$(cd "$CORPUS_OVERRIDE" && pwd)"
    MANIFEST=""
    log "corpus: $CORPUS (given with --corpus)"
else
    STAMP="format=$CORPUS_FORMAT ${CORPUS_PINS[*]}"
    if [[ -d "$CORPUS" && -f "$CACHE/corpus.stamp" && "$(cat "$CACHE/corpus.stamp")" == "$STAMP" ]]; then
        log "corpus: reusing $CORPUS"
    else
        log "corpus: downloading ${#CORPUS_PINS[@]} wheels into $CACHE/wheels"
        rm -rf "$CACHE/wheels" "$CORPUS" "$CORPUS.tmp" "$CACHE/corpus.stamp"
        mkdir -p "$CACHE/wheels"
        "$PYTHON" -m pip download --quiet --disable-pip-version-check --no-deps \
            --only-binary :all: --python-version 3.11 --implementation py --abi none --platform any \
            -d "$CACHE/wheels" "${CORPUS_PINS[@]}"
        log "corpus: extracting .py files and templates"
        "$PYTHON" "$BENCH_DIR/build_corpus.py" "$CACHE/wheels" "$CORPUS.tmp" "$MANIFEST" >&2
        mv "$CORPUS.tmp" "$CORPUS"
        printf '%s' "$STAMP" >"$CACHE/corpus.stamp"
    fi
fi
# Counting also reads every file once, so all tools start with a warm page cache.
PY_FILES=$(find "$CORPUS" -name '*.py' -type f | wc -l)
LINES=$(find "$CORPUS" -name '*.py' -type f -print0 | xargs -0 cat | wc -l)
log "corpus: $LINES lines of Python in $PY_FILES .py files"

# ---- 2. bandit + ruff venv -------------------------------------------------------------
VENV="$CACHE/venv"
if ((SKIP_BANDIT == 0 || SKIP_RUFF == 0)); then
    if [[ -x "$VENV/bin/python" && -f "$VENV/.pins" && "$(cat "$VENV/.pins")" == "${TOOL_PINS[*]}" ]]; then
        log "venv: reusing $VENV"
    else
        log "venv: creating $VENV with ${TOOL_PINS[*]}"
        rm -rf "$VENV"
        "$PYTHON" -m venv "$VENV"
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${TOOL_PINS[@]}"
        printf '%s' "${TOOL_PINS[*]}" >"$VENV/.pins"
    fi
fi

# ---- 3. measure ------------------------------------------------------------------------
RUN_DIR="$CACHE/last-run"
rm -rf "$RUN_DIR"
mkdir -p "$RUN_DIR"
MEAS="$RUN_DIR/measurements.tsv"
: >"$MEAS"

# GNU time -v gives peak RSS; without it, measure.py uses getrusage(RUSAGE_CHILDREN).
# FLASKGUARD_BENCH_TIMER=python forces the fallback (to test it).
TIMER="${FLASKGUARD_BENCH_TIMER:-}"
if [[ -z "$TIMER" ]]; then
    if [[ -x /usr/bin/time ]] && /usr/bin/time -v -o /dev/null true >/dev/null 2>&1; then
        TIMER=gnu-time
    else
        TIMER=python
    fi
fi
log "timer: $TIMER (wall clock and peak RSS)"

now() { if [[ -n "${EPOCHREALTIME:-}" ]]; then echo "$EPOCHREALTIME"; else date +%s.%N; fi; }

# measure TOOL RUN_INDEX CMD... : runs CMD with stdout to /dev/null and stderr to
# a log, appends "tool run wall_s rss_kib exit" to $MEAS. Exit 0 and 1 (findings)
# are success; anything else aborts the benchmark.
measure() {
    local tool="$1" idx="$2"
    shift 2
    local errlog="$RUN_DIR/$tool.$idx.stderr" tfile="$RUN_DIR/$tool.$idx.time"
    local wall rss rc
    if [[ $TIMER == gnu-time ]]; then
        local t0 t1
        t0=$(now)
        rc=0
        /usr/bin/time -v -o "$tfile" "$@" >/dev/null 2>"$errlog" || rc=$?
        t1=$(now)
        wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')
        rss=$(awk -F': *' '/Maximum resident set size/ { print $2 }' "$tfile")
    else
        "$PYTHON" "$BENCH_DIR/measure.py" "$tfile" -- "$@" 2>"$errlog"
        read -r wall rss rc <"$tfile"
    fi
    if [[ "$rc" != 0 && "$rc" != 1 ]]; then
        echo "run.sh: $tool exited with status $rc: $*" >&2
        echo "--- last lines of $errlog:" >&2
        tail -n 20 "$errlog" >&2 || true
        exit 1
    fi
    printf '%s\t%s\t%s\t%s\t%s\n' "$tool" "$idx" "$wall" "${rss:-0}" "$rc" >>"$MEAS"
    printf '    %-10s run %d: %9.3f s  %8.1f MiB  exit %s\n' "$tool" "$idx" "$wall" \
        "$(awk -v k="${rss:-0}" 'BEGIN { printf "%.1f", k / 1024 }')" "$rc" >&2
}

FG_CMD=("$FLASKGUARD_BIN" check "$CORPUS" --output-format json --output /dev/null --exit-zero)
RUFF_CMD=("$VENV/bin/ruff" check --no-cache --select S --output-format json --exit-zero "$CORPUS")
BANDIT_CMD=("$VENV/bin/bandit" -r "$CORPUS" -q -f json -o /dev/null)

VERSION_ARGS=()
COMMAND_ARGS=()
first_line() { "$@" 2>&1 | sed -n 1p || true; }

if ((SKIP_FG == 0)); then
    if [[ ! -x "$FLASKGUARD_BIN" ]]; then
        echo "run.sh: no flaskguard binary at $FLASKGUARD_BIN" >&2
        echo "        build it with 'cargo build --release', set FLASKGUARD_BIN, or pass --skip-flaskguard" >&2
        exit 2
    fi
    FG_VERSION="$(first_line "$FLASKGUARD_BIN" --version)"
    log "flaskguard: $FLASKGUARD_BIN ($FG_VERSION)"
    VERSION_ARGS+=(--version "flaskguard=$FG_VERSION")
    COMMAND_ARGS+=(--command "flaskguard=${FG_CMD[*]}")
fi
if ((SKIP_RUFF == 0)); then
    RUFF_VERSION="$(first_line "$VENV/bin/ruff" --version)"
    log "ruff: $RUFF_VERSION"
    VERSION_ARGS+=(--version "ruff=$RUFF_VERSION")
    COMMAND_ARGS+=(--command "ruff=${RUFF_CMD[*]}")
fi
if ((SKIP_BANDIT == 0)); then
    BANDIT_VERSION="$(first_line "$VENV/bin/bandit" --version)"
    log "bandit: $BANDIT_VERSION"
    VERSION_ARGS+=(--version "bandit=$BANDIT_VERSION")
    COMMAND_ARGS+=(--command "bandit=${BANDIT_CMD[*]}")
fi

# flaskguard and ruff alternate so drift (thermal, noisy neighbours) hits both alike.
if ((SKIP_FG == 0 || SKIP_RUFF == 0)); then
    log "running flaskguard / ruff, $RUNS run(s) each"
    for ((i = 1; i <= RUNS; i++)); do
        ((SKIP_FG)) || measure flaskguard "$i" "${FG_CMD[@]}"
        ((SKIP_RUFF)) || measure ruff "$i" "${RUFF_CMD[@]}"
    done
fi
if ((SKIP_BANDIT == 0)); then
    log "running bandit, $BANDIT_RUNS run(s) (single-threaded: expect several minutes)"
    for ((i = 1; i <= BANDIT_RUNS; i++)); do
        measure bandit "$i" "${BANDIT_CMD[@]}"
    done
fi

# ---- 4. report ---------------------------------------------------------------------------
RESULTS="$CACHE/results-latest.json"
"$PYTHON" "$BENCH_DIR/compare.py" \
    --measurements "$MEAS" --lines "$LINES" --py-files "$PY_FILES" --corpus "$CORPUS" \
    ${MANIFEST:+--manifest "$MANIFEST"} \
    "${VERSION_ARGS[@]}" "${COMMAND_ARGS[@]}" \
    --json "$RESULTS"
echo "per-run stderr logs: $RUN_DIR"
