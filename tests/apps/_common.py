"""What the Flask test apps share: a sandboxed Jinja environment (template injection stays
real but harmless) and the server start-up the test harness relies on: bind 127.0.0.1
(`--port N`, default 0 = any free port), print one `LISTENING http://127.0.0.1:<port>`
line, serve until SIGTERM/SIGINT (so each app's atexit clean-up runs)."""
import argparse
import builtins
import logging
import signal
import sys

import flask
import flask.templating
import jinja2.sandbox
from werkzeug.serving import make_server


class SandboxedFlaskEnv(flask.templating.Environment, jinja2.sandbox.SandboxedEnvironment):
    """Flask's Environment with Jinja's sandbox underneath."""

    intercepted_binops = frozenset(["*", "**", "%"])

    def __init__(self, app, **options):
        if "loader" not in options:
            options["loader"] = app.create_global_jinja_loader()
        jinja2.sandbox.SandboxedEnvironment.__init__(self, **options)
        self.app = app
        # lipsum(n=10**8) would eat the machine; cap it.
        real_lipsum = self.globals.get("lipsum")
        if real_lipsum is not None:
            self.globals["lipsum"] = lambda n=5, html=True, min=20, max=100: real_lipsum(
                n=builtins.min(n, 10), html=html, min=builtins.min(min, 100), max=builtins.min(max, 100)
            )

    def is_safe_attribute(self, obj, attr, value):
        # {{ config.from_pyfile(...) }} would exec arbitrary .py files on disk.
        if isinstance(obj, flask.Config) and callable(value):
            return False
        return super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context, operator, left, right):
        if operator == "**":
            if isinstance(right, (int, float)) and (
                abs(right) > 64
                or (isinstance(left, int) and abs(left).bit_length() * abs(right) > 100000)
            ):
                raise jinja2.sandbox.SecurityError("exponent too large")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, bytes, list, tuple)) and isinstance(n, int) and n > 10000:
                    raise jinja2.sandbox.SecurityError("repetition too large")
        if operator == "%" and isinstance(left, str):
            raise jinja2.sandbox.SecurityError("string formatting is not allowed")
        return super().call_binop(context, operator, left, right)


def port_from_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    return ap.parse_args().port


def exit_on_signals():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even if started with SIGINT ignored


def serve(wsgi_app, request_handler=None):
    """Werkzeug's threaded server on 127.0.0.1, quiet, as the harness expects."""
    port = port_from_args()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    exit_on_signals()
    options = {"request_handler": request_handler} if request_handler else {}
    server = make_server("127.0.0.1", port, wsgi_app, threaded=True, **options)
    print(f"LISTENING http://127.0.0.1:{server.port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
