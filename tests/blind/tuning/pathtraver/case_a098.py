import os
import shutil

from flask import Flask, jsonify, request

app = Flask(__name__)
TEMPLATES = "/srv/app/project_templates"
WORKSPACES = "/srv/app/workspaces"


@app.route("/workspaces/<int:ws>/files", methods=["POST"])
def add_file(ws):
    body = request.get_json(force=True)
    template = body.get("template", "blank.txt")
    dest_dir = os.path.join(WORKSPACES, str(ws))
    os.makedirs(dest_dir, exist_ok=True)
    copied = shutil.copy(os.path.join(TEMPLATES, template), dest_dir)
    return jsonify(created=os.path.basename(copied)), 201
