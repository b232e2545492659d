"""Document downloads addressed by numeric id; paths come from the database."""
import os

from flask import Flask, abort, current_app, send_from_directory
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Document(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(200))
    stored_name = db.Column(db.String(64), nullable=False)  # uuid4 hex + extension, set by the app


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///docs.db")
    app.config["DOC_STORE"] = os.environ.get("DOC_STORE", "/srv/docs")
    db.init_app(app)

    @app.route("/documents/<int:doc_id>/download")
    def download(doc_id):
        doc = db.session.get(Document, doc_id)
        if doc is None:
            abort(404)
        return send_from_directory(
            current_app.config["DOC_STORE"], doc.stored_name, as_attachment=True, download_name=f"{doc.title}.pdf"
        )

    return app


app = create_app()
