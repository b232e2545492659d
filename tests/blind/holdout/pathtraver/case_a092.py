import os

from flask import Flask, jsonify, request

app = Flask(__name__)
AVATAR_DIR = "/srv/app/avatars"


@app.route("/avatar/exists")
def avatar_exists():
    name = request.args.get("name", "")
    path = os.path.join(AVATAR_DIR, name)
    return jsonify(name=name, exists=os.path.exists(path))
