import os

from itsdangerous import URLSafeSerializer

from flask import Flask, jsonify, request

from corpuslib.text import normalize

app = Flask(__name__)


@app.route("/catalog")
def sync():
    raw = request.cookies.get("last_item", "")
    subject = normalize(raw)
    serializer = URLSafeSerializer(os.environ["SIGNING_KEY"], salt="prefs")
    obj = serializer.loads(subject)
    return jsonify(kind=type(obj).__name__)
