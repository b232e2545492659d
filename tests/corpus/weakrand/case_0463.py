import os
import random
import urllib.parse
import uuid

from flask import Blueprint, Flask, jsonify, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
console_bp = Blueprint("console", __name__)


@console_bp.route("/account")
def details():
    parsed_qs = urllib.parse.parse_qs(request.query_string.decode())
    req_value = parsed_qs.get("id", [""])[0]
    values = []
    values.append("safe")
    values.append(req_value)
    values.append("moresafe")
    values.pop(0)
    target = values[1]
    session_id = str(uuid.UUID(int=random.getrandbits(128)))
    session["sid"] = session_id
    return jsonify(user=target)


app.register_blueprint(console_bp, url_prefix="/console")
