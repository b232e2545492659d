"""Signed-in pages: notes, search, uploads, account and checkout."""
import json
import os
import secrets

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    send_from_directory,
    session,
    url_for,
)
from flask_jwt_extended import create_access_token
from flask_login import current_user, login_required
from werkzeug.utils import secure_filename

from .extensions import db, limiter
from .models import Note, Product, get_search_db
from .services import charge_card, file_fingerprint, make_thumbnail, render_invoice, send_mail

main_bp = Blueprint("main", __name__)

THEMES = {"light", "dark"}
ALLOWED_UPLOAD_EXTENSIONS = {".png", ".jpg", ".jpeg", ".gif", ".pdf", ".txt", ".md"}
THEME_COOKIE_MAX_AGE = 60 * 60 * 24 * 365


def _own_note_or_404(note_id):
    note = db.session.get(Note, note_id)
    if note is None or note.owner_id != current_user.id:
        abort(404)
    return note


def _make_verification_code():
    """Six-digit code for e-mail verification."""
    return f"{secrets.randbelow(1_000_000):06d}"


@main_bp.route("/notes")
@login_required
def list_notes():
    notes = current_user.notes.order_by(Note.updated_at.desc()).all()
    resp = make_response(render_template("notes.html", notes=notes))
    theme = request.args.get("theme")
    if theme in THEMES:
        resp.set_cookie(
            "theme", theme, max_age=THEME_COOKIE_MAX_AGE, secure=True, httponly=True, samesite="Lax"
        )
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
    lines = [note.title, "=" * len(note.title), "", note.body]
    signature = request.args.get("signature", "").strip()
    if signature:
        lines += ["", "-- ", signature]
    return Response("\n".join(lines) + "\n", mimetype="text/plain")


@main_bp.route("/notes/<int:note_id>/delete", methods=["POST"])
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
    """Live preview for the editor (escaped, rendered with pre-wrap)."""
    return render_template("preview.html", body=request.form.get("body", ""), user=current_user)


@main_bp.route("/drafts/restore", methods=["POST"])
@login_required
def restore_draft():
    """Restore an editor draft the browser saved in localStorage (JSON)."""
    try:
        draft = json.loads(request.form["draft"])
    except (KeyError, ValueError):
        abort(400)
    note = {"title": str(draft.get("title", "")), "body": str(draft.get("body", ""))}
    return render_template("edit.html", note=note)


@main_bp.route("/search")
@login_required
def search():
    q = request.args.get("q", "")[:200]
    cur = get_search_db().cursor()
    cur.execute(
        "SELECT note_id, snippet FROM note_index WHERE owner_id = ? AND body LIKE ? LIMIT 50",
        (current_user.id, f"%{q}%"),
    )
    return render_template("search.html", q=q, results=cur.fetchall())


@main_bp.route("/files")
@login_required
def download_file():
    return send_from_directory(current_app.config["UPLOAD_DIR"], request.args["name"], as_attachment=True)


@main_bp.route("/files", methods=["POST"])
@login_required
def upload_file():
    upload = request.files["file"]
    filename = secure_filename(upload.filename or "")
    if not filename or os.path.splitext(filename)[1].lower() not in ALLOWED_UPLOAD_EXTENSIONS:
        abort(400)
    dest = os.path.join(current_app.config["UPLOAD_DIR"], filename)
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
@limiter.limit("3/hour")
def send_verification():
    session["email_code"] = _make_verification_code()
    send_mail(current_user.email, "verify.html", code=session["email_code"])
    return jsonify(sent=True)


@main_bp.route("/account/token", methods=["POST"])
@login_required
def issue_token():
    """Short-lived bearer token for the ``/api/v2`` endpoints (Authorization header)."""
    return jsonify(access_token=create_access_token(identity=str(current_user.id)))


@main_bp.route("/checkout", methods=["POST"])
@login_required
def checkout():
    product = Product.query.get_or_404(request.form.get("product_id", type=int))
    quantity = request.form.get("quantity", 1, type=int)
    if not 1 <= quantity <= 500:
        abort(400)
    receipt = charge_card(request.form["card_token"], product.price_cents * quantity)
    order = {
        "id": receipt["order_id"],
        "customer": current_user.email,
        "lines": [(product.name, quantity, product.price_cents)],
    }
    return render_invoice(order)
