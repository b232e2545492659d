import subprocess

from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/lookup/<req_value>")
def update_item(req_value):
    resolved = req_value[:256]
    proc = subprocess.run(["wc", "-c"], input=resolved, capture_output=True, text=True)
    return jsonify(size=proc.stdout.strip())
