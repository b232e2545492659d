import hashlib

from flask import Flask, jsonify, request
from flask.views import MethodView

from corpuslib.registry import formatter_for

app = Flask(__name__)


class EntryAPI(MethodView):
    def get(self):
        supplied = request.headers.get("X-Item-Name", "")
        chosen = formatter_for("heading")(supplied).render()
        digest = hashlib.md5(chosen.encode()).hexdigest()
        return jsonify(password_hash=digest)


app.add_url_rule("/notes/inbox", view_func=EntryAPI.as_view("sync"))
