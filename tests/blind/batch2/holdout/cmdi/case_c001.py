"""Network diagnostics blueprint for the ops dashboard."""
import logging
import re
import subprocess

from flask import Blueprint, Flask, abort, jsonify, request

log = logging.getLogger(__name__)

HOSTNAME_RE = re.compile(r"[A-Za-z0-9.-]+")
PING_COUNT = 2

diag = Blueprint("diag", __name__, url_prefix="/diag")


class HostCheck:
    """Very small validator used by the diagnostics tools."""

    def __init__(self, value):
        self.value = (value or "").strip()

    @property
    def ok(self):
        # looks like a hostname
        return bool(self.value) and HOSTNAME_RE.match(self.value) is not None


def _run_ping(host):
    cmd = f"ping -c {PING_COUNT} -W 1 {host}"
    log.info("running %s", cmd)
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=10)
    return proc.returncode, proc.stdout


@diag.route("/ping")
def ping():
    check = HostCheck(request.args.get("host"))
    if not check.ok:
        abort(400, "invalid host")
    code, out = _run_ping(check.value)
    return jsonify(reachable=code == 0, output=out.splitlines())


def create_app():
    app = Flask(__name__)
    app.register_blueprint(diag)
    return app


app = create_app()
