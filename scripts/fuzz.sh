#!/usr/bin/env bash
# Builds the fuzz targets (fuzz/, cargo-fuzz + libFuzzer) and runs each for a while, one
# after the other on one core, with the seed corpora and dictionaries.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 seconds, every target)
#
# FUZZ_SEED=N fixes libFuzzer's random seed (CI's smoke uses 1, so that what it finds can be
# replayed); unset, every run explores differently.
#
# Prints the executions per target (libFuzzer's final stats) and exits non-zero when a
# target crashes, leaks past the RSS limit or times out; the input that did it is kept in
# fuzz/artifacts/<target>/. Inputs that reach new code accumulate in fuzz/corpus/<target>/.
#
# cargo-fuzz needs nightly flags (-Z sanitizer options, -Cpasses): on a stable toolchain
# they are allowed with RUSTC_BOOTSTRAP=1, set for the build only. The targets are built
# without AddressSanitizer (the code under test forbids `unsafe`; panics, aborts, stack
# overflows, overflow checks and debug assertions are what is looked for), with debug
# assertions. FUZZ_SANITIZER=address builds them with ASan instead.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
all=(python_pipeline python_multi templates config probe_responses report_roundtrip)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
sanitizer="${FUZZ_SANITIZER:-none}"

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

echo "== building the fuzz targets (sanitizer: $sanitizer)"
build_started=$(date +%s)
if [ ${#targets[@]} -eq 1 ]; then
  RUSTC_BOOTSTRAP=1 cargo fuzz build --sanitizer "$sanitizer" "${targets[0]}"
else
  RUSTC_BOOTSTRAP=1 cargo fuzz build --sanitizer "$sanitizer"
fi
echo "built in $(( $(date +%s) - build_started )) s"

# Seeds taken from the test fixtures at run time (not committed twice): fuzz/corpus/.fixtures/.
fixtures=fuzz/corpus/.fixtures
rm -rf "$fixtures"
mkdir -p "$fixtures"/{python_pipeline,python_multi,templates,config}
fixture_roots=(tests crates/flaskguard_rules/tests)
name_of() { printf '%s' "$1" | tr '/ ' '__'; }
while IFS= read -r -d '' f; do
  cp "$f" "$fixtures/python_pipeline/$(name_of "$f")"
done < <(find "${fixture_roots[@]}" -name '*.py' -size -64k -print0)
while IFS= read -r -d '' f; do
  cp "$f" "$fixtures/templates/$(name_of "$f")"
done < <(find "${fixture_roots[@]}" \( -name '*.html' -o -name '*.jinja*' \) -print0)
# A folder of several modules (and a template) becomes one NUL-separated python_multi input;
# a folder with configuration files one config input (pyproject.toml, .flaskenv, .env, INI).
while IFS= read -r -d '' dir; do
  mapfile -t py < <(find "$dir" -maxdepth 2 -name '*.py' | sort | head -n 3)
  mapfile -t html < <(find "$dir" -maxdepth 3 -name '*.html' | sort | head -n 1)
  if [ ${#py[@]} -ge 2 ]; then
    {
      for f in "${py[@]}"; do cat "$f"; printf '\0'; done
      [ ${#html[@]} -eq 0 ] || cat "${html[0]}"
    } > "$fixtures/python_multi/$(name_of "$dir")"
  fi
  ini=$(find "$dir" -maxdepth 2 \( -name '*.ini' -o -name '*.cfg' \) | sort | head -n 1)
  if [ -n "$ini" ] || [ -e "$dir/.flaskenv" ] || [ -e "$dir/.env" ] || [ -e "$dir/pyproject.toml" ]; then
    {
      cat "$dir/pyproject.toml" 2>/dev/null || true; printf '\0'
      cat "$dir/.flaskenv" 2>/dev/null || true; printf '\0'
      cat "$dir/.env" 2>/dev/null || true; printf '\0'
      [ -z "$ini" ] || cat "$ini"
    } > "$fixtures/config/$(name_of "$dir")"
  fi
done < <(find "${fixture_roots[@]}" -type d -print0)

# The pipeline targets write their inputs as files: keep them in memory when possible.
scratch_parent=/dev/shm
[ -d "$scratch_parent" ] && [ -w "$scratch_parent" ] || scratch_parent="${TMPDIR:-/tmp}"
scratch=$(mktemp -d "$scratch_parent/flaskguard-fuzz.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

mkdir -p fuzz/logs
failed=()
summary=()
total=0
for target in "${targets[@]}"; do
  case "$target" in
    python_pipeline | python_multi) dict=python.dict max_len=16384 ;;
    templates) dict=template.dict max_len=8192 ;;
    config) dict=config.dict max_len=8192 ;;
    probe_responses) dict=http.dict max_len=8192 ;;
    report_roundtrip) dict=http.dict max_len=16384 ;;
    *) echo "unknown target: $target (expected one of: ${all[*]})" >&2; exit 2 ;;
  esac
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus" "fuzz/artifacts/$target"
  dirs=("$corpus" "fuzz/seeds/$target")
  [ ! -d "$fixtures/$target" ] || dirs+=("$fixtures/$target")
  # Inputs that once crashed a target are replayed first, with the rest of the corpus.
  [ ! -d "fuzz/regressions/$target" ] || dirs+=("fuzz/regressions/$target")
  log="fuzz/logs/$target.log"
  echo "== fuzzing $target for ${seconds} s (log: $log)"
  set +e
  TMPDIR="$scratch" RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer "$sanitizer" "$target" "${dirs[@]}" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=60 -max_len="$max_len" \
    -seed="${FUZZ_SEED:-0}" \
    -dict="fuzz/dict/$dict" -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$target/" \
    >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  # A run that dies prints no final stats: count to its last progress line instead.
  [ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9][0-9]*\)[[:space:]].*/\1/p' "$log" | tail -n 1)
  execs=${execs:-0}
  total=$(( total + execs ))
  rate=$(( execs / (seconds > 0 ? seconds : 1) ))
  if [ "$rc" -eq 0 ]; then
    result=ok
  else
    result="FAILED (exit $rc)"
    failed+=("$target")
    grep -E '^(==[0-9]+== ERROR|thread .* panicked|SUMMARY|artifact_prefix|Test unit written)' "$log" | head -n 8 || true
    tail -n 30 "$log" | grep -E 'panicked at|overflow|Crash|deadly signal|timeout|out-of-memory' | head -n 5 || true
    # A process killed outright (a signal libFuzzer could not handle, the OOM killer, a
    # full disk) leaves no artifact and no stats: show how the log ends.
    if [ -z "$(ls -A "fuzz/artifacts/$target" 2>/dev/null)" ]; then
      echo "-- no crash input was written (a stack overflow kills the process outright: rerun with FUZZ_SANITIZER=address to get the input); the log ends:"
      grep -vE '^("|#|###### )' "$log" | tail -n 15 || true
      df -h "$scratch" . 2>/dev/null | sed 's/^/   /' || true
    fi
  fi
  summary+=("$(printf '%-18s %12s execs %8s/s  %s' "$target" "$execs" "$rate" "$result")")
done

echo "== fuzz summary (${seconds} s per target)"
printf '%s\n' "${summary[@]}"
echo "total: $total executions"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found crashes in: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
  exit 1
fi
