#!/usr/bin/env python3
"""Extract the Python sources (and Jinja/HTML templates) of downloaded wheels.

Usage: build_corpus.py WHEEL_DIR OUT_DIR MANIFEST_JSON

Each wheel ``name-version-....whl`` is unpacked into ``OUT_DIR/name-version/``.
Only ``*.py`` files and template files are kept: static assets (JS bundles,
images, translations) and ``*.dist-info`` metadata are dropped so the corpus
is just what a Python linter would look at. Prints one line per package and
writes the same data to MANIFEST_JSON.
"""
from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path, PurePosixPath

KEEP_SUFFIXES = {".py", ".html", ".jinja", ".jinja2", ".j2"}


def extract(wheel: Path, out_dir: Path) -> dict:
    parts = wheel.name[: -len(".whl")].split("-")
    name, version = parts[0].lower().replace("_", "-"), parts[1]
    dest = out_dir / f"{name}-{version}"
    py_files = py_lines = other_files = 0
    with zipfile.ZipFile(wheel) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            p = PurePosixPath(info.filename)
            if p.is_absolute() or ".." in p.parts:
                continue
            if p.parts[0].endswith((".dist-info", ".data")):
                continue
            if p.suffix not in KEEP_SUFFIXES:
                continue
            data = zf.read(info)
            target = dest.joinpath(*p.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            if p.suffix == ".py":
                py_files += 1
                py_lines += data.count(b"\n")
            else:
                other_files += 1
    return {
        "name": name,
        "version": version,
        "wheel": wheel.name,
        "dir": dest.name,
        "py_files": py_files,
        "py_lines": py_lines,
        "template_files": other_files,
    }


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    wheel_dir, out_dir, manifest = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    wheels = sorted(wheel_dir.glob("*.whl"))
    if not wheels:
        print(f"no wheels in {wheel_dir}", file=sys.stderr)
        return 1
    out_dir.mkdir(parents=True, exist_ok=True)
    packages = [extract(w, out_dir) for w in wheels]
    packages.sort(key=lambda p: -p["py_lines"])
    for p in packages:
        print(f"  {p['name'] + '==' + p['version']:<28} {p['py_files']:>6} .py files {p['py_lines']:>10,} lines")
    total = sum(p["py_lines"] for p in packages)
    print(f"  {'total':<28} {sum(p['py_files'] for p in packages):>6} .py files {total:>10,} lines")
    manifest.write_text(json.dumps({"packages": packages, "py_lines": total}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
