import os

from flask import Flask, jsonify

app = Flask(__name__)
AVATAR_DIR = "/srv/app/avatars"


@app.route("/users/<int:user_id>/avatar/exists")
def avatar_exists(user_id):
    path = os.path.join(AVATAR_DIR, "%d.png" % user_id)
    return jsonify(user=user_id, exists=os.path.exists(path))
