import os

from flask import abort, current_app, jsonify, request
from flask.views import MethodView


class FolderListing(MethodView):
    def get(self, folder):
        folders = current_app.config["FOLDERS"]
        if folder not in folders:
            abort(404)
        entries = os.listdir(folders[folder])
        if request.args.get("hidden") != "1":
            entries = [e for e in entries if not e.startswith(".")]
        return jsonify(folder=folder, entries=sorted(entries))
