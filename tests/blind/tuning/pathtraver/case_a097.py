from flask import Flask, abort, request, send_file
from werkzeug.utils import safe_join

app = Flask(__name__)
REPORTS = "/srv/app/reports"


@app.route("/reports/view")
def view_report():
    name = request.args.get("name", "summary.html")
    path = safe_join(REPORTS, name)
    if path is None:
        abort(404)
    return send_file(path)
