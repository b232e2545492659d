#!/usr/bin/env bash
# Counts the instructions flaskguard executes on a corpus, under valgrind's callgrind.
#
# Wall time on a shared 2-core VM moves by ±10 % from hour to hour; an instruction count
# moves by well under 0.1 %. Use it to tell whether a change made the analysis cheaper
# (then confirm the wall time with bench/run.sh, which pairs flaskguard with Ruff).
#
#   bench/instructions.sh [--bin BIN]... [DIR]
#
# DIR defaults to one Flask app of the bench corpus (apache-superset, 138k lines: ~15 s
# under callgrind); pass the whole corpus for the full picture (~3 min). With several
# --bin, each binary is counted on the same DIR, one after another.
set -euo pipefail
export LC_ALL=C

here="$(cd "$(dirname "$0")/.." && pwd)"
cache="${FLASKGUARD_BENCH_CACHE:-$HOME/.cache/flaskguard-bench}"
bins=()
dir=""
while (($#)); do
    case "$1" in
        --bin) bins+=("${2:?--bin needs a path}"); shift 2 ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) dir="$1"; shift ;;
    esac
done
((${#bins[@]})) || bins=("$here/target/release/flaskguard")
if [[ -z "$dir" ]]; then
    dir="$(ls -d "$cache"/corpus/apache-superset-* 2>/dev/null | head -n 1 || true)"
    [[ -n "$dir" ]] || { echo "no corpus under $cache: run bench/run.sh once, or pass DIR" >&2; exit 2; }
fi
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
printf '%-50s %18s\n' "binary" "instructions"
for bin in "${bins[@]}"; do
    [[ -x "$bin" ]] || { echo "not an executable: $bin" >&2; exit 2; }
    valgrind --tool=callgrind --callgrind-out-file="$out/cg" \
        "$bin" check "$dir" --output-format json --output /dev/null --exit-zero \
        >"$out/log" 2>&1 || { cat "$out/log" >&2; exit 1; }
    total="$(grep -E 'Collected :' "$out/log" | awk '{print $NF}')"
    printf '%-50s %18s\n' "$bin" "$total"
done
echo "corpus: $dir"
