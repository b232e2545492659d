import subprocess

from flask import Flask, Response

from corpuslib.registry import formatter_for

app = Flask(__name__)


def do_lookup(prepared):
    output = subprocess.check_output(f"nslookup {prepared}", shell=True, text=True)
    return Response(output, mimetype="text/plain")


@app.route("/preview/widgets/<int:item_id>")
def details(item_id):
    param = str(item_id)
    prepared = formatter_for("heading")(param).render()
    return do_lookup(prepared)
