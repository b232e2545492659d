from flask import Blueprint, jsonify, render_template, request

from .signatures import Sender, render_signature, save_signature

bp = Blueprint("mailer", __name__)


def current_sender():
    return Sender(id=1, name="Demo User", title="Support")


@bp.route("/settings/signature", methods=["POST"])
def update_signature():
    save_signature(current_sender().id, request.form.get("signature", ""))
    return jsonify(ok=True)


@bp.route("/compose")
def compose():
    return render_template("compose.html", signature=render_signature(current_sender()))
