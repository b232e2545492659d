import io
import pickle

from flask import Flask, jsonify, request

from corpuslib.registry import formatter_for

app = Flask(__name__)


class Action:
    def apply(self, target):
        obj = pickle.Unpickler(io.BytesIO(bytes.fromhex(target))).load()
        return jsonify(kind=type(obj).__name__)


def sync():
    payload = request.get_json(silent=True) or {}
    requested = str(payload.get("value", ""))
    target = formatter_for("label")(requested).render()
    return Action().apply(target)


app.add_url_rule("/feeds", view_func=sync, methods=["POST"])
