import os

from flask import Blueprint, Flask, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
api_bp = Blueprint("api", __name__)

ALLOWED_ROLES = {"viewer", "editor"}


def do_lookup(target):
    if target in ALLOWED_ROLES:
        session["role"] = target
    return jsonify(role=session.get("role"))


@api_bp.route("/account")
def apply():
    client_value = ",".join(request.args.getlist("tag"))
    mapping = {k: client_value for k in ("primary", "secondary")}
    target = mapping["secondary"]
    return do_lookup(target)


app.register_blueprint(api_bp, url_prefix="/api")
