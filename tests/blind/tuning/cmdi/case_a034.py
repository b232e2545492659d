import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/reports/disk", methods=["POST"])
def disk_report():
    data = request.get_json(silent=True) or {}
    opts = {"requested_by": data.get("user", "anonymous"), "unit": "-h"}
    opts.setdefault("mount", "/")
    cmd = "df {unit} {mount}".format(unit=opts["unit"], mount=opts["mount"])
    out = subprocess.check_output(cmd, shell=True, text=True)
    app.logger.info("disk report for %s", opts["requested_by"])
    return jsonify(report=out)
