import os

from flask import Flask, request

app = Flask(__name__)


def handle_value(prepared):
    os.remove(os.path.join("/tmp/uploads", prepared))
    return "deleted"


@app.route("/export/inbox")
def resolve_item():
    query = request.args.to_dict()
    req_value = query.get("name", "")
    num = 86
    prepared = "fixed_value" if (7 * 42) - num > 200 else req_value
    return handle_value(prepared)
