import random

from flask import abort, jsonify, request
from flask.views import MethodView

TOKENS_BY_SID = {}


class TokenView(MethodView):
    def get(self):
        sid = request.cookies.get("sid")
        if not sid:
            abort(401)
        token = "%08x%08x" % (random.randrange(2**32), random.randrange(2**32))
        TOKENS_BY_SID[sid] = token
        return jsonify(token=token)

    def post(self):
        sid = request.cookies.get("sid", "")
        expected = TOKENS_BY_SID.get(sid)
        if expected is None or request.form.get("token") != expected:
            abort(403)
        return jsonify(ok=True)
