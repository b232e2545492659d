import os

from flask import Flask, jsonify, request

app = Flask(__name__)
NOTES = "/srv/app/notes"


@app.route("/notes", methods=["POST"])
def create_note():
    title = request.form.get("title", "untitled").strip()
    text = request.form.get("text", "")
    path = os.path.join(NOTES, title + ".txt")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    return jsonify(saved=title), 201
