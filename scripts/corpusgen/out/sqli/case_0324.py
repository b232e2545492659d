from flask import Blueprint, Flask, jsonify, request

from corpuslib.db import connect

app = Flask(__name__)
public_bp = Blueprint("public", __name__)


@public_bp.route("/reports/lookup", methods=["POST"])
def view_item():
    param = request.files["document"].read().decode("utf-8", "ignore")
    num = 106
    selected = param if (7 * 18) + num > 200 else "fixed_value"
    sql = "SELECT * FROM invoices WHERE ref = ?"
    sql += " AND status = 'open'"
    conn = connect()
    return jsonify(rows=conn.execute(sql, [selected]).fetchall())


app.register_blueprint(public_bp, url_prefix="/public")
