import os

from flask import Blueprint, Flask, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
main_bp = Blueprint("main", __name__)


@main_bp.route("/inbox/admin", methods=["POST"])
def preview():
    supplied = request.get_data(as_text=True)
    if 7 * 6 > 10:
        target = supplied
    else:
        target = "fixed"
    key = "user_" + target
    session[key] = "1"
    return "ok"


app.register_blueprint(main_bp, url_prefix="/main")
