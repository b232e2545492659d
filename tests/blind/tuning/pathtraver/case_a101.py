import datetime
import os

from flask import Flask, abort, request, send_file

app = Flask(__name__)
REPORT_DIR = "/srv/app/daily"


@app.route("/reports/daily")
def daily_report():
    filename = request.args.get("file", "")
    app.logger.info("daily report requested as %r", filename)
    filename = "report-%s.csv" % datetime.date.today().isoformat()
    path = os.path.join(REPORT_DIR, filename)
    if not os.path.exists(path):
        abort(404)
    return send_file(path, mimetype="text/csv", as_attachment=True)
