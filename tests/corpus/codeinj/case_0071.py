from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
frontend_bp = Blueprint("frontend", __name__)


def perform(bar):
    rule = "{} > 0".format(bar)
    return jsonify(match=bool(eval(rule)))


@frontend_bp.route("/media")
def status():
    req_value = request.url.split("ref=", 1)[-1]
    bar = "fixed"
    bar = req_value
    return perform(bar)


app.register_blueprint(frontend_bp, url_prefix="/frontend")
