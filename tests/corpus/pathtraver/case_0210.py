import os

from flask import Flask, Response, abort, request

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


class Action:
    def apply(self, target):
        candidate = os.path.join(BASE_DIR, target)
        if not candidate.startswith(BASE_DIR):
            abort(403)
        with open(candidate) as fh:
            return Response(fh.read(), mimetype="text/plain")


def details():
    param = request.cookies.get("last_item", "")
    first, second = param, "fixed"
    target = first if second else ""
    return Action().apply(target)


app.add_url_rule("/items", view_func=details)
