#!/usr/bin/env python3
"""Fallback timer for hosts without GNU ``/usr/bin/time -v``.

Usage: measure.py OUT_FILE -- CMD [ARGS...]

Runs CMD (stdout -> /dev/null, stderr inherited), then writes
``<wall_seconds> <max_rss_kib> <exit_status>`` to OUT_FILE. Max RSS comes from
``getrusage(RUSAGE_CHILDREN)``: this process has exactly one child, so it is
that child's (or its largest waited-for descendant's) peak RSS, in KiB on Linux.
Exits 0 whatever CMD returned; the caller decides which statuses are fine.
"""
import resource
import subprocess
import sys
import time


def main() -> int:
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    out, cmd = sys.argv[1], sys.argv[3:]
    t0 = time.perf_counter()
    try:
        rc = subprocess.call(cmd, stdout=subprocess.DEVNULL)
    except OSError as e:
        print(f"measure.py: cannot run {cmd[0]}: {e}", file=sys.stderr)
        rc = 127
    wall = time.perf_counter() - t0
    rss_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if sys.platform == "darwin":  # bytes there
        rss_kib //= 1024
    if rc < 0:  # killed by a signal: report like a shell would
        rc = 128 - rc
    with open(out, "w") as f:
        f.write(f"{wall:.6f} {rss_kib} {rc}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
