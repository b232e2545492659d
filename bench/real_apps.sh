#!/usr/bin/env bash
# Precision of `flaskguard check` on real Flask applications from PyPI: downloads the
# pinned releases (outside the repository), scans each, and scores every medium+ finding
# against the verdicts in bench/real-apps/labels/<app>.tsv. See bench/real-apps/README.md.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: bench/real_apps.sh [--app NAME]... [--show fp|tp|unlabelled|all] [--by-rule]

  --app NAME     only this application (its directory name, e.g. mlflow-3.18.0); repeatable
  --show WHAT    also list the false positives, true positives, unlabelled findings or all
  --by-rule      precision per rule code
  -h, --help     this help

Environment:
  FLASKGUARD_BIN              flaskguard binary (default: <repo>/target/release/flaskguard)
  FLASKGUARD_REALAPPS_CACHE   where the releases are kept
                              (default: $HOME/.cache/flaskguard-realapps; never inside the repo)
  PYTHON                      python with pip (default: python3)
USAGE
}

# ---- pins ------------------------------------------------------------------------
# "directory  pip requirement  sdist|wheel": the directory is what the archive unpacks
# to, and names the labels file. pgAdmin 4 and Indico publish wheels only.
PINS=(
    "apache_superset-6.1.0 apache-superset==6.1.0 sdist"
    "calibreweb-0.6.27 calibreweb==0.6.27 sdist"
    "changedetection_io-0.60.10 changedetection.io==0.60.10 sdist"
    "flask_appbuilder-5.3.0 flask-appbuilder==5.3.0 sdist"
    "indico-3.2.9-py3-none-any indico==3.2.9 wheel"
    "mlflow-3.18.0 mlflow==3.18.0 sdist"
    "octoprint-1.11.8 octoprint==1.11.8 sdist"
    "pgadmin4-9.18-py3-none-any pgadmin4==9.18 wheel"
)

APPS=()
SHOW=""
BY_RULE=""
while (($#)); do
    case "$1" in
        --app) APPS+=("${2:?--app needs a name}"); shift 2 ;;
        --show) SHOW="${2:?--show needs fp, tp, unlabelled or all}"; shift 2 ;;
        --by-rule) BY_RULE=--by-rule; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "real_apps.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/.." && pwd)"
PYTHON="${PYTHON:-python3}"
FLASKGUARD_BIN="${FLASKGUARD_BIN:-$REPO_ROOT/target/release/flaskguard}"
CACHE="${FLASKGUARD_REALAPPS_CACHE:-$HOME/.cache/flaskguard-realapps}"
case "$(cd "$(dirname "$CACHE")" 2>/dev/null && pwd)/" in
    "$REPO_ROOT"/*) echo "real_apps.sh: the cache must be outside the repository" >&2; exit 2 ;;
esac
[[ -x "$FLASKGUARD_BIN" ]] || { echo "real_apps.sh: no flaskguard binary at $FLASKGUARD_BIN (cargo build --release)" >&2; exit 2; }
mkdir -p "$CACHE/dl" "$CACHE/src" "$CACHE/reports"

selected() {
    ((${#APPS[@]} == 0)) && return 0
    local a
    for a in "${APPS[@]}"; do [[ "$a" == "$1" ]] && return 0; done
    return 1
}

for pin in "${PINS[@]}"; do
    read -r dir req kind <<<"$pin"
    selected "$dir" || continue
    if [[ ! -d "$CACHE/src/$dir" ]]; then
        echo "fetching $req ($kind)" >&2
        if [[ "$kind" == sdist ]]; then
            "$PYTHON" -m pip download --no-deps --no-binary :all: -q -d "$CACHE/dl" "$req" >&2
            archive="$(ls "$CACHE/dl/$dir".tar.gz)"
            tar -xzf "$archive" -C "$CACHE/src"
        else
            "$PYTHON" -m pip download --no-deps --only-binary :all: -q -d "$CACHE/dl" "$req" >&2
            mkdir -p "$CACHE/src/$dir.tmp"
            "$PYTHON" -m zipfile -e "$CACHE/dl/$dir.whl" "$CACHE/src/$dir.tmp"
            mv "$CACHE/src/$dir.tmp" "$CACHE/src/$dir"
        fi
    fi
    # Scanned from the source directory, so that report paths are relative to the app.
    (cd "$CACHE/src/$dir" && "$FLASKGUARD_BIN" check . --output-format json \
        -o "$CACHE/reports/$dir.json" --exit-zero)
done

args=()
for pin in "${PINS[@]}"; do
    read -r dir _ _ <<<"$pin"
    selected "$dir" && args+=(--app "$dir")
done
exec "$PYTHON" "$BENCH_DIR/real_apps.py" --reports "$CACHE/reports" \
    --labels "$BENCH_DIR/real-apps/labels" ${SHOW:+--show "$SHOW"} $BY_RULE "${args[@]}"
