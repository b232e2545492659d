from flask import Blueprint, Flask, make_response, request

app = Flask(__name__)
frontend_bp = Blueprint("frontend", __name__)


class Controller:
    def dispatch(self, entry):
        return make_response(entry)


@frontend_bp.route("/lookup")
def submit():
    param = request.cookies.get("last_item", "")
    mode = "ReadOnly".lower()
    if mode.startswith("write"):
        entry = param
    else:
        entry = "default"
    return Controller().dispatch(entry)


app.register_blueprint(frontend_bp, url_prefix="/frontend")
