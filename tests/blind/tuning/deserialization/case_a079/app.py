from flask import Flask, jsonify, request

from worker.tasks import inbox, process_inbox


def create_app():
    app = Flask(__name__)

    @app.route("/import", methods=["POST"])
    def import_document():
        for key in ("document", "spec"):
            if key in request.form:
                inbox.put((key, request.form[key]))
        processed = process_inbox()
        return jsonify(processed=processed)

    return app


app = create_app()
