from flask import abort, jsonify, request
from flask.views import MethodView
from lxml.etree import XPathEvalError

from .store import ReportQuery, open_report


class ReportQueryView(MethodView):
    def post(self, report_id):
        predicate = (request.get_json(silent=True) or {}).get("where", "true()")
        try:
            rows = ReportQuery(open_report(report_id)).rows(predicate)
        except OSError:
            abort(404)
        except XPathEvalError:
            abort(400)
        return jsonify(rows=rows)
