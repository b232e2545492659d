import base64
import pickle
import urllib.parse

from flask import Flask, jsonify, request

app = Flask(__name__)


def export():
    parsed_qs = urllib.parse.parse_qs(request.query_string.decode())
    user_input = parsed_qs.get("id", [""])[0]
    identity = lambda s: s
    chosen = identity(user_input)
    obj = pickle.loads(base64.b64decode(chosen))
    return jsonify(kind=type(obj).__name__)


app.add_url_rule("/account", view_func=export)
