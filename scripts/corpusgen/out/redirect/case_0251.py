import urllib.parse

from flask import Flask, redirect, request

app = Flask(__name__)

DESTINATIONS = {"docs": "/docs", "blog": "/blog", "shop": "/shop/"}


class Worker:
    def execute(self, target):
        return redirect(DESTINATIONS.get(target, "/"))


@app.route("/widgets/tools", methods=["POST"])
def process():
    payload = request.get_json(silent=True) or {}
    param = str(payload.get("value", ""))
    target = urllib.parse.unquote(param)
    return Worker().execute(target)
