#!/usr/bin/env bash
# Makes .ci/.venv with the packages the probe's test apps need (tests/apps/requirements.txt)
# and prints the interpreter's path. Idempotent: reinstalls only when the pins change.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=".ci/.venv"
stamp="$venv/.requirements"
if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c "import ensurepip" >/dev/null 2>&1; then
  # Debian/Ubuntu ship venv's pip bootstrap separately.
  if command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq >/dev/null && apt-get install -y -qq python3-venv >/dev/null
  fi
fi
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! cmp -s tests/apps/requirements.txt "$stamp"; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r tests/apps/requirements.txt
  cp tests/apps/requirements.txt "$stamp"
fi
echo "$PWD/$venv/bin/python"
