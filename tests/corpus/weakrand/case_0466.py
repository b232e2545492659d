import random
import secrets

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/widgets/profile/<slug>")
def report(slug):
    requested = request.view_args["slug"]
    values = ["alpha", requested, "omega"]
    prepared = values[1]
    if 2 * 3 == 7:
        token = "%x" % random.getrandbits(64)
    else:
        token = secrets.token_hex(8)
    return jsonify(token=token, for_user=prepared)
