import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
API = "https://api.example.com"


@app.route("/profile")
def profile():
    uid = request.args.get("uid", "")
    if not uid.isdigit():
        abort(400)
    r = requests.get(API + "/v1/users/" + str(int(uid)), timeout=3)
    return jsonify(r.json())
