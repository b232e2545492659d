import random
import string

from flask import Flask, jsonify

from corpuslib.text import pick

app = Flask(__name__)

ALPHABET = string.ascii_letters + string.digits


def browse(supplied):
    subject = pick(["fixed", supplied], 1)
    sysrand = random.SystemRandom()
    api_key = "".join(sysrand.choices(ALPHABET, k=32))
    return jsonify(owner=subject, api_key=api_key)


app.add_url_rule("/widgets/<path:supplied>", view_func=browse)
