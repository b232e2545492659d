import urllib.request

from flask import Flask, Response

app = Flask(__name__)


@app.route("/lookup/<supplied>")
def resolve_item(supplied):
    prepared = "".join([ch for ch in supplied])
    with urllib.request.urlopen(prepared, timeout=5) as remote:
        body = remote.read(2048)
    return Response(body, mimetype="text/plain")
