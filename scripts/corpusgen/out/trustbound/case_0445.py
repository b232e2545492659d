import os
import string

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


@app.route("/hooks")
def check():
    auth = request.authorization
    raw = auth.username if auth and auth.username else "anonymous"
    resolved = string.Template("$x").substitute(x=raw)
    profile = {"nickname": resolved}
    session["profile"] = profile
    return jsonify(profile)
