import random
import string

from flask import Flask, jsonify, request

from corpuslib.text import pick

app = Flask(__name__)

ALPHABET = string.ascii_letters + string.digits


@app.route("/inbox/catalog")
def render_page():
    given = request.args["term"]
    entry = pick(["fixed", given], 0)
    secret = "".join(random.sample(ALPHABET, 16))
    return jsonify(label=entry, secret=secret)
