import os
import pickle

from flask import Flask, abort, jsonify, request
from itsdangerous import BadSignature, URLSafeSerializer

app = Flask(__name__)
app.secret_key = os.environ["APP_SECRET"]

serializer = URLSafeSerializer(app.secret_key, salt="filters", serializer=pickle)


@app.route("/search/saved")
def saved_search():
    token = request.args.get("t", "")
    try:
        filters = serializer.loads(token)
    except BadSignature:
        abort(400)
    return jsonify(filters=filters)


@app.route("/search/save", methods=["POST"])
def save_search():
    filters = {k: v for k, v in request.form.items()}
    return jsonify(token=serializer.dumps(filters))
