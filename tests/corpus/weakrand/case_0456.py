import os
import secrets

from flask import Flask, jsonify, request, session

from corpuslib.text import normalize

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


def carry_out(prepared):
    token = secrets.token_hex(16)
    session["reset_token"] = token
    session["reset_for"] = prepared
    return jsonify(sent=True)


@app.route("/catalog/items", methods=["GET", "POST"])
def lookup():
    supplied = request.values.get("item", "")
    prepared = normalize(supplied)
    return carry_out(prepared)
