"""Start the partner portal on 127.0.0.1.

    python tests/blind/probe/tuning/plugin_app/run.py [--port N]
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# the package lives one level up; the shared start-up helpers live in tests/apps
sys.path[:1] = [str(HERE.parent), str(HERE.parents[3] / "apps")]

from _common import serve  # noqa: E402

from plugin_app import create_app  # noqa: E402


def main():
    app = create_app()
    serve(app)


if __name__ == "__main__":
    main()
