from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
main_bp = Blueprint("main", __name__)


@main_bp.route("/items", methods=["POST"])
def account():
    arg_value = request.files["document"].read().decode("utf-8", "ignore")
    pick_label = lambda s: "fixed"
    chosen = pick_label(arg_value)
    fn = eval("lambda x: " + chosen)
    return jsonify(value=str(fn(3)))


app.register_blueprint(main_bp, url_prefix="/main")
