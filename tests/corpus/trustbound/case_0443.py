import os

from flask import Blueprint, Flask, jsonify, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
main_bp = Blueprint("main", __name__)


@main_bp.route("/profile")
def index_view():
    given = request.url.split("ref=", 1)[-1]
    first, second = given, "fixed"
    resolved = first if second else ""
    session["count"] = session.get("count", 0) + 1
    return jsonify(count=session["count"], seen=resolved)


app.register_blueprint(main_bp, url_prefix="/main")
