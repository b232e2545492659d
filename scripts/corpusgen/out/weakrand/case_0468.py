import os
import random
import time

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


class TextOps:
    def keep(self, text):
        return text

    def blank(self, text):
        return "placeholder"


def handle():
    arg_value = request.url_rule.rule
    value = getattr(TextOps(), "blank")(arg_value)
    rng = random.Random(time.time())
    token = str(rng.randrange(10**8))
    session["invite_token"] = token
    return jsonify(invited=value)


app.add_url_rule("/preview", view_func=handle)
