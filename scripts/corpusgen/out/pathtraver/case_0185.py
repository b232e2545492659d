import os

from flask import Flask, Response

from corpuslib.sanitize import clean_filename

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


class Worker:
    def execute(self, selected):
        with open(os.path.join(BASE_DIR, clean_filename(selected)), "rb") as fh:
            return Response(fh.read(), mimetype="application/octet-stream")


@app.get("/inbox/<path:supplied>")
def sync(supplied):
    values = ["alpha", supplied, "omega"]
    selected = values[1]
    return Worker().execute(selected)
