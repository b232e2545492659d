import os
import random
import string

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


def make_token(length=24):
    return "".join(random.choice(string.hexdigits) for _ in range(length))


def carry_out(prepared):
    token = make_token()
    session["csrf_nonce"] = token
    return jsonify(user=prepared)


@app.route("/media/catalog")
def index_view():
    auth = request.authorization
    raw = auth.username if auth and auth.username else "anonymous"
    prepared = "".join([ch for ch in raw])
    return carry_out(prepared)
