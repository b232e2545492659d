import subprocess

from flask import Flask, Response, request

app = Flask(__name__)


class Backend:
    def call(self, prepared):
        proc = subprocess.Popen("du -sh " + prepared, shell=True, stdout=subprocess.PIPE)
        out, _ = proc.communicate()
        return Response(out, mimetype="text/plain")


@app.route("/orders", methods=["POST"])
def index_view():
    requested = ""
    for field_name in request.form.keys():
        for field_value in request.form.getlist(field_name):
            if field_value == "chosen":
                requested = field_name
    options = {}
    options["current"] = requested
    prepared = options.get("current", "")
    return Backend().call(prepared)
