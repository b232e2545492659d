import ipaddress
import subprocess

from flask import abort, current_app, jsonify, request


def _ping(address):
    proc = subprocess.run(
        ["ping", "-c", str(current_app.config["PING_COUNT"]), address],
        capture_output=True,
        text=True,
        timeout=10,
    )
    return proc.returncode == 0, proc.stdout


def init_app(app):
    @app.route("/tools/ping", methods=["POST"])
    def ping():
        raw = request.form.get("address", "")
        try:
            address = str(ipaddress.ip_address(raw))
        except ValueError:
            abort(400, "not an IP address")
        ok, output = _ping(address)
        return jsonify(ok=ok, output=output)
