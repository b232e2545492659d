from flask import abort, jsonify, request
from flask.views import MethodView

from .repository import NoteRepository

repo = NoteRepository()


class NoteAPI(MethodView):
    def get(self, note_id):
        note = repo.get(note_id)
        if note is None:
            abort(404)
        return jsonify(note=str(note))

    def post(self):
        raw = request.get_data(as_text=True)
        if not raw:
            abort(400)
        return jsonify(id=repo.import_payload(raw)), 201
