import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["REPORT_DIR"] = os.environ.get("REPORT_DIR", "/srv/reports/xml")
    from .views import ReportQueryView

    app.add_url_rule("/reports/<int:report_id>/query", view_func=ReportQueryView.as_view("report_query"))
    return app
