"""Network diagnostics for partner IT staff, under /tools."""
import re
import shlex

from flask import Blueprint, current_app, render_template, request

from .. import sandbox

# The diagnostics run in a fenced shell with no binaries; `ping` is a shell
# function that prints what the real tool would.
PING_STUB = r'''ping() { local host; for host; do :; done
  echo "PING $host: 56 data bytes"
  echo "64 bytes from $host: icmp_seq=1 ttl=64 time=0.042 ms"
  echo "1 packets transmitted, 1 received, 0% packet loss"; }'''

HOSTNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$")


def register(app):
    tools = Blueprint("tools", __name__, url_prefix="/tools")

    def diagnose(command):
        return sandbox.run_shell(command, current_app.data_path("jail"), prelude=PING_STUB)

    @tools.route("/ping", methods=["GET", "POST"])
    def ping():
        output = None
        host = request.form.get("host", "")
        if request.method == "POST" and host:
            output = diagnose(f"ping -c 1 -W 1 {host}")
        return render_template("tool.html", title="Ping", action="/tools/ping", host=host, output=output)

    @tools.route("/resolve", methods=["GET", "POST"])
    def resolve():
        output = None
        host = request.form.get("host", "")
        if request.method == "POST" and host:
            if HOSTNAME.match(host):
                output = diagnose(f"ping -c 1 -W 1 {shlex.quote(host)}")
            else:
                output = "invalid host name"
        return render_template("tool.html", title="Reachability", action="/tools/resolve", host=host,
                               output=output)

    app.register_blueprint(tools)
