from flask import abort, jsonify, request

from helpers import *


def register(app):
    @app.route("/track")
    def track():
        code = request.args.get("code", "").upper()
        if not well_formed(code):
            abort(400)
        return jsonify(code=code, events=[str(e) for e in events_for(code)])
