from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


class RecordEndpoint(MethodView):
    def get(self):
        auth = request.authorization
        given = auth.username if auth and auth.username else "anonymous"
        values = []
        values.append("safe")
        values.append(given)
        values.append("moresafe")
        values.pop(0)
        entry = values[1]
        resp = jsonify(stored=True)
        resp.set_cookie("remember", entry, max_age=86400, secure=True, httponly=True, samesite="Strict")
        return resp


app.add_url_rule("/status", view_func=RecordEndpoint.as_view("sync"))
