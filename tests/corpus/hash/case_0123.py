import hashlib
import os

from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)


class ActionView(MethodView):
    def get(self):
        param = "none"
        for header_name, header_value in request.headers.items():
            if header_value == "selected":
                param = header_name
        if (2 > 5) or ("a" * 3 == "aaaa"):
            entry = param
        else:
            entry = "const"
        salt = os.urandom(16)
        derived = hashlib.pbkdf2_hmac("sha256", entry.encode(), salt, 200_000)
        return jsonify(hash=derived.hex(), salt=salt.hex())


app.add_url_rule("/lookup", view_func=ActionView.as_view("profile"))
