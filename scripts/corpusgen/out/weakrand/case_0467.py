import os
import random

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]

FEATURE_RAW_INPUT = False


@app.route("/users", methods=["POST"])
def submit():
    requested = ""
    for field_name in request.form.keys():
        for field_value in request.form.getlist(field_name):
            if field_value == "chosen":
                requested = field_name
    if FEATURE_RAW_INPUT:
        subject = requested
    else:
        subject = "fixed"
    code = random.SystemRandom().randint(100000, 999999)
    session["otp"] = code
    return jsonify(sent_to=subject)
