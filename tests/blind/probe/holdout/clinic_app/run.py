#!/usr/bin/env python3
"""Entry point of the clinic test app:  <python> run.py [--port N]

Binds 127.0.0.1 only, prints one `LISTENING http://127.0.0.1:<port>` line and serves
until SIGTERM/SIGINT (see tests/apps/_common.py)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "apps"))

import _common  # noqa: E402
from clinic import create_app  # noqa: E402

if __name__ == "__main__":
    _common.serve(create_app())
