import base64
import io
import pickle

from flask import Flask, jsonify, request

app = Flask(__name__)


class Action:
    def apply(self, selected):
        obj = pickle.load(io.BytesIO(base64.urlsafe_b64decode(selected)))
        return jsonify(kind=type(obj).__name__)


@app.get("/admin")
def update_item():
    given = request.path
    try:
        selected = given.encode("utf-8").decode("utf-8")
    except UnicodeError:
        selected = ""
    return Action().apply(selected)
