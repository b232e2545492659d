#!/usr/bin/env bash
# Installs Microsoft's SARIF Multitool (npm, pinned) into .ci/.tools when it is not there
# yet and prints the path of its executable. Used by .ci/run and by the tests that
# validate SARIF (they call it themselves when SARIF_MULTITOOL is not set).
set -euo pipefail
cd "$(dirname "$0")/.."
tools=".ci/.tools"
exe="$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$exe" ]; then
  mkdir -p "$tools"
  if [ ! -f "$exe" ]; then
    npm install --prefix "$tools" --no-audit --no-fund --silent @microsoft/sarif-multitool@5.7.0 >&2
  fi
  # The package's postinstall (chmod) may be skipped by npm's install-script policy.
  chmod u+x "$exe"
fi
echo "$PWD/$exe"
