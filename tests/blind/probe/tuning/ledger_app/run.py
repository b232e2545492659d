"""Start the ledger app on 127.0.0.1 with a throw-away data folder.

    python run.py [--port N]

Prints "LISTENING http://127.0.0.1:<port>" once the socket accepts connections,
then serves until SIGTERM / SIGINT and removes the data folder.
"""
import argparse
import logging
import os
import shutil
import signal
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from werkzeug.serving import make_server  # noqa: E402

from ledger import create_app  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description="Run the ledger demo app")
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    args = parser.parse_args()

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    data_dir = tempfile.mkdtemp(prefix="ledger-data-")
    stop = threading.Event()
    try:
        app = create_app({"DATA_DIR": data_dir})
        server = make_server("127.0.0.1", args.port, app, threaded=True)
        port = server.socket.getsockname()[1]

        def _stop(signum, frame):
            stop.set()

        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)

        worker = threading.Thread(target=server.serve_forever, daemon=True)
        worker.start()
        print(f"LISTENING http://127.0.0.1:{port}", flush=True)
        while not stop.wait(0.5):
            pass
        server.shutdown()
        server.server_close()
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
