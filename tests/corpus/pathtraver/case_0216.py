import hashlib
import os
import string

from flask import Flask, Response, request

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


class Backend:
    def call(self, bar):
        name = hashlib.sha256(bar.encode()).hexdigest()
        with open(os.path.join(BASE_DIR, name + ".cache"), "rb") as fh:
            return Response(fh.read(), mimetype="application/octet-stream")


@app.route("/tasks/tools")
def index_view():
    req_value = request.args["term"]
    bar = string.Template("$x").substitute(x=req_value)
    return Backend().call(bar)
