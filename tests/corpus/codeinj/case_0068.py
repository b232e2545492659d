from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
main_bp = Blueprint("main", __name__)


@main_bp.route("/lookup", methods=["GET", "POST"])
def index_view():
    param = request.values.get("item", "")
    lookup = {"keyA": "a_value", "keyB": param}
    prepared = lookup["keyB"]
    fn = eval("lambda x: " + prepared)
    return jsonify(value=str(fn(3)))


app.register_blueprint(main_bp, url_prefix="/main")
