import os
import secrets

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


def presence_label(text):
    if text:
        return "present"
    return "absent"


@app.route("/tasks")
def api_entry():
    req_value = request.user_agent.string
    prepared = presence_label(req_value)
    code = "%06d" % secrets.randbelow(10**6)
    session["verification_code"] = code
    return jsonify(sent_to=prepared)
