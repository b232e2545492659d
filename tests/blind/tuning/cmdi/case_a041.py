import os
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)
WORK = "/tmp/render"


@app.route("/render", methods=["POST"])
def render():
    job_id = request.form.get("job", "default")
    workdir = f"{WORK}/{job_id}"
    try:
        os.makedirs(workdir, exist_ok=True)
        out = subprocess.run(["pandoc", "-o", f"{workdir}/out.pdf", "-"],
                             input=request.form.get("markdown", ""), text=True,
                             capture_output=True)
        return jsonify(rc=out.returncode)
    except OSError as exc:
        return jsonify(error=str(exc)), 500
    finally:
        os.system("rm -rf " + workdir)
