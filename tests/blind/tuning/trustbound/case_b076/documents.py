import uuid

from flask import abort, jsonify, request, session
from flask.views import MethodView


class DocumentView(MethodView):
    def get(self):
        return jsonify(current=session.get("open_document"))

    def post(self):
        try:
            doc_id = uuid.UUID(request.form.get("doc", ""))
        except ValueError:
            abort(400)
        session["open_document"] = str(doc_id)
        return jsonify(opened=str(doc_id))
