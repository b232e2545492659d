"""Start the Jotter notes & shop app on 127.0.0.1.

    python tests/blind/probe/tuning/notes_app/run.py [--port N]
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:1] = [str(HERE.parent), str(HERE.parents[3] / "apps")]

from _common import serve  # noqa: E402

from notes_app import create_app  # noqa: E402

if __name__ == "__main__":
    serve(create_app())
