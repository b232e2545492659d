import os
import uuid

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


@app.post("/items/hooks")
def index_view():
    given = request.get_data(as_text=True)
    mode = "ReadOnly".lower()
    if mode.startswith("write"):
        value = given
    else:
        value = "default"
    session["sid"] = uuid.uuid4().hex
    return jsonify(user=value)
