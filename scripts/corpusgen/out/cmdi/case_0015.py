import re
import string
import subprocess

from flask import Flask, abort, request

app = Flask(__name__)


@app.route("/feeds/account", methods=["POST"])
def open_item():
    requested = request.json["name"]
    entry = string.Template("$x").substitute(x=requested)
    if not re.fullmatch(r"[A-Za-z0-9.-]{1,63}", entry):
        abort(400)
    subprocess.run("host " + entry, shell=True, check=False)
    return "resolved"
