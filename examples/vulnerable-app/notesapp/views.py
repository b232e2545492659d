"""Signed-in pages: notes, search, uploads, account and checkout."""
import base64
import hashlib
import os
import pickle
import random

from flask import (
    Blueprint,
    abort,
    flash,
    jsonify,
    make_response,
    redirect,
    render_template,
    render_template_string,
    request,
    session,
    url_for,
)
from flask_jwt_extended import create_access_token, set_access_cookies
from flask_login import current_user, login_required

from .extensions import db
from .models import Note, Product, get_search_db
from .services import charge_card_legacy, file_fingerprint, make_thumbnail, render_invoice, send_mail

main_bp = Blueprint("main", __name__)

UPLOAD_DIR = os.environ.get("NOTES_UPLOAD_DIR", "/var/lib/notes/uploads")


def _own_note_or_404(note_id):
    note = db.session.get(Note, note_id)
    if note is None or note.owner_id != current_user.id:
        abort(404)
    return note


def _make_verification_code():
    """Six-digit code for e-mail verification."""
    return str(random.randint(100000, 999999))


@main_bp.route("/notes")
@login_required
def list_notes():
    notes = current_user.notes.order_by(Note.updated_at.desc()).all()
    resp = make_response(render_template("notes.html", notes=notes))
    if "theme" in request.args:
        resp.set_cookie("theme", request.args["theme"])
    return resp


@main_bp.route("/notes/<int:note_id>")
@login_required
def show_note(note_id):
    return render_template("note.html", note=_own_note_or_404(note_id))


@main_bp.route("/notes/<int:note_id>.txt")
@login_required
def export_note(note_id):
    """Plain-text export with an optional signature line."""
    note = _own_note_or_404(note_id)
    body = render_template("note.txt", note=note, signature=request.args.get("signature", ""))
    return body, 200, {"Content-Type": "text/plain; charset=utf-8"}


@main_bp.route("/notes/<int:note_id>/delete")
@login_required
def delete_note(note_id):
    note = _own_note_or_404(note_id)
    db.session.delete(note)
    db.session.commit()
    flash("Note deleted.", "info")
    return redirect(url_for("main.list_notes"))


@main_bp.route("/notes/preview", methods=["POST"])
@login_required
def preview_note():
    """Live preview for the editor; supports ``{{ user.display_name }}`` placeholders."""
    return render_template_string(request.form["body"], user=current_user)


@main_bp.route("/drafts/restore", methods=["POST"])
@login_required
def restore_draft():
    """Restore an editor draft the browser saved in localStorage."""
    draft = pickle.loads(base64.b64decode(request.form["draft"]))
    return render_template("edit.html", note=draft)


@main_bp.route("/search")
@login_required
def search():
    q = request.args.get("q", "")
    cur = get_search_db().cursor()
    cur.execute(
        f"SELECT note_id, snippet FROM note_index "
        f"WHERE owner_id = {current_user.id} AND body LIKE '%{q}%' LIMIT 50"
    )
    return render_template("search.html", q=q, results=cur.fetchall())


@main_bp.route("/files")
@login_required
def download_file():
    with open(os.path.join(UPLOAD_DIR, request.args["name"]), "rb") as fh:
        data = fh.read()
    resp = make_response(data)
    resp.headers["Content-Type"] = "application/octet-stream"
    resp.headers["ETag"] = hashlib.md5(data).hexdigest()
    return resp


@main_bp.route("/files", methods=["POST"])
@login_required
def upload_file():
    upload = request.files["file"]
    dest = os.path.join(UPLOAD_DIR, upload.filename)
    upload.save(dest)
    if upload.mimetype.startswith("image/"):
        make_thumbnail(dest, request.form.get("size", "200x200"))
    flash(f"Uploaded ({file_fingerprint(dest)[:8]}).", "info")
    return redirect(url_for("main.list_notes"))


@main_bp.route("/account")
@login_required
def profile():
    return render_template("profile.html", user=current_user)


@main_bp.route("/account/verify-email", methods=["POST"])
@login_required
def send_verification():
    session["email_code"] = _make_verification_code()
    send_mail(current_user.email, "verify.txt", code=session["email_code"])
    return jsonify(sent=True)


@main_bp.route("/account/token", methods=["POST"])
@login_required
def issue_token():
    """Give the single-page editor a JWT cookie for the ``/api/v2`` endpoints."""
    resp = jsonify(ok=True)
    set_access_cookies(resp, create_access_token(identity=str(current_user.id)))
    return resp


@main_bp.route("/checkout", methods=["POST"])
@login_required
def checkout():
    product = Product.query.get_or_404(int(request.form["product_id"]))
    quantity = int(request.form.get("quantity", 1))
    receipt = charge_card_legacy(request.form["card_token"], product.price_cents * quantity)
    order = {
        "id": receipt["order_id"],
        "customer": current_user.email,
        "lines": [(product.name, quantity, product.price_cents)],
    }
    return render_invoice(order)
