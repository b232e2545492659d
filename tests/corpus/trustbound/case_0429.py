import os

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


def resolve_item(slug):
    requested = request.view_args["slug"]
    lookup = {"keyA": "a_value", "keyB": requested}
    selected = lookup["keyB"]
    profile = {"nickname": selected}
    session["profile"] = profile
    return jsonify(profile)


app.add_url_rule("/hooks/docs/<slug>", view_func=resolve_item)
