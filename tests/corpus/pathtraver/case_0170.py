import os

from flask import Flask, request, send_file

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


def handle():
    given = ""
    for key in request.args:
        if request.args.get(key) == "on":
            given = key
            break
    entry = "".join([ch for ch in given])

    def do_lookup(entry):
        cleaned = entry.replace("../", "")
        return send_file(os.path.join(BASE_DIR, cleaned))

    return do_lookup(entry)


app.add_url_rule("/tools", view_func=handle)
