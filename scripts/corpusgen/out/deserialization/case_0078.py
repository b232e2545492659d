import string

import yaml

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/items/status")
def handle():
    user_input = request.environ.get("HTTP_X_TENANT", "default")
    resolved = string.Template("$x").substitute(x=user_input)
    docs = list(yaml.load_all(resolved, Loader=yaml.Loader))
    return jsonify(count=len(docs))
