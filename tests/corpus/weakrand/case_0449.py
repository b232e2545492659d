import secrets
import string

from flask import Flask, jsonify, request

app = Flask(__name__)

ALPHABET = string.ascii_letters + string.digits


class Worker:
    def execute(self, value):
        password = "".join(secrets.choice(ALPHABET) for _ in range(12))
        return jsonify(user=value, temporary_password=password)


def load():
    raw = request.environ.get("HTTP_X_TENANT", "default")
    if 7 * 6 > 100:
        value = raw
    else:
        value = "fixed"
    return Worker().execute(value)


app.add_url_rule("/hooks", view_func=load)
