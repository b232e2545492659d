import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/docs/lookup")
def status():
    arg_value = request.headers["X-Requested-Resource"]
    chosen = "%s" % (arg_value,)
    argv = ["tar", "czf", "/tmp/backup.tgz", chosen]
    subprocess.run(" ".join(argv), shell=True, check=False)
    return "archived"
