from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
public_bp = Blueprint("public", __name__)

OPERATIONS = {"sum": sum, "max": max, "min": min}


@public_bp.route("/docs/reports")
def submit():
    tags = request.args.getlist("tag")
    client_value = tags[0] if tags else ""
    chosen = client_value[:256]
    func = OPERATIONS.get(chosen, min)
    return jsonify(result=func([3, 1, 2]))


app.register_blueprint(public_bp, url_prefix="/public")
