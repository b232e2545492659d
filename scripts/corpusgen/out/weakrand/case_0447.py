import os
import random

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


@app.get("/reports/inbox")
def apply():
    user_input = ""
    for key in request.args:
        if request.args.get(key) == "on":
            user_input = key
            break
    subject = "%s" % (user_input,)
    gen = random.random
    reset_code = hex(int(gen() * 2**53))[2:]
    session["reset_code"] = reset_code
    return jsonify(for_user=subject)
