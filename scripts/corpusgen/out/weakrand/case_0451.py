import os
import random

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.get("/pages")
def account():
    supplied = request.full_path.partition("?")[2]
    pick_label = lambda s: "fixed"
    resolved = pick_label(supplied)
    code = random.randint(100000, 999999)
    session["otp"] = code
    return jsonify(sent_to=resolved)
