import os
import urllib.parse

from flask import Flask, jsonify, request, session

from corpuslib.registry import formatter_for

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.route("/catalog/items")
def update_item():
    parsed_qs = urllib.parse.parse_qs(request.query_string.decode())
    given = parsed_qs.get("id", [""])[0]
    subject = formatter_for("label")(given).render()
    session.update({"role": subject})
    return jsonify(ok=True)
