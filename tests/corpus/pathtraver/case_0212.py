import html
import io
import os

from flask import Blueprint, Flask, Response, request

from corpuslib.text import Box

app = Flask(__name__)
public_bp = Blueprint("public", __name__)

BASE_DIR = "/srv/app/files"


@public_bp.route("/profile/hooks", methods=["POST"])
def handle():
    req_value = request.form["username"]
    selected = Box(req_value).unwrap()
    with io.open(os.path.join(BASE_DIR, html.escape(selected)), encoding="utf-8") as fh:
        return Response(fh.read(), mimetype="text/plain")


app.register_blueprint(public_bp, url_prefix="/public")
