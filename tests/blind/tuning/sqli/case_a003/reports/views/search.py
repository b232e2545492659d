from flask import Blueprint, jsonify, request

from reports.helpers import *

bp = Blueprint("search", __name__)


@bp.route("/search")
def search():
    term = request.args.get("q", "")
    pattern = like_pattern(term)
    sql = "SELECT id, title FROM reports WHERE title LIKE '{}' LIMIT 50".format(pattern)
    rows = fetch_all(sql)
    return jsonify([{"id": r[0], "title": r[1]} for r in rows])


@bp.route("/count")
def count():
    rows = fetch_all("SELECT COUNT(*) FROM reports")
    return jsonify(total=rows[0][0])
