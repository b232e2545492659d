"""JSON API used by the single-page editor and the mobile app.

Browser clients send the CSRF token in the ``X-CSRFToken`` header.
"""
import yaml
from defusedxml import ElementTree as SafeElementTree
from flask import Blueprint, abort, jsonify, request
from flask_cors import CORS
from flask_jwt_extended import get_jwt_identity, jwt_required
from flask_login import current_user, login_required

from .extensions import basic_auth, db
from .models import Note, User
from .services import UnsafeURLError, link_preview

api_bp = Blueprint("api", __name__, url_prefix="/api")

ALLOWED_ORIGINS = ["https://notes.example.com", "https://m.notes.example.com"]
MAX_IMPORT_ITEMS = 500

CORS(api_bp, origins=ALLOWED_ORIGINS, supports_credentials=True)


def _own_note_or_404(note_id):
    note = db.session.get(Note, note_id)
    if note is None or note.owner_id != current_user.id:
        abort(404)
    return note


@api_bp.route("/notes", methods=["GET"])
@login_required
def list_notes():
    notes = current_user.notes.order_by(Note.updated_at.desc()).all()
    return jsonify([n.to_dict() for n in notes])


@api_bp.route("/notes", methods=["POST"])
@login_required
def create_note():
    payload = request.get_json() or {}
    note = Note(owner=current_user, title=str(payload.get("title", "Untitled"))[:200], body=str(payload.get("body", "")))
    db.session.add(note)
    db.session.commit()
    return jsonify(note.to_dict()), 201


@api_bp.route("/notes/<int:note_id>", methods=["GET"])
@login_required
def get_note(note_id):
    return jsonify(_own_note_or_404(note_id).to_dict())


@api_bp.route("/notes/<int:note_id>", methods=["PUT"])
@login_required
def update_note(note_id):
    note = _own_note_or_404(note_id)
    payload = request.get_json() or {}
    note.title = str(payload.get("title", note.title))[:200]
    note.body = str(payload.get("body", note.body))
    note.is_public = bool(payload.get("is_public", note.is_public))
    db.session.commit()
    return jsonify(note.to_dict())


@api_bp.route("/notes/<int:note_id>", methods=["DELETE"])
@login_required
def delete_note(note_id):
    db.session.delete(_own_note_or_404(note_id))
    db.session.commit()
    return "", 204


@api_bp.route("/users/<int:user_id>/notes", methods=["GET"])
@login_required
def user_notes(user_id):
    """Public notes of another user, for the "share with" dialog."""
    user = db.session.get(User, user_id) or abort(404)
    notes = user.notes.filter_by(is_public=True).all()
    return jsonify(user=user.to_dict(), notes=[n.to_dict() for n in notes])


@api_bp.route("/notes/import", methods=["POST"])
@login_required
def import_notes():
    """Bulk import from a YAML export (Bear/Obsidian) or Evernote XML."""
    if request.mimetype in ("application/x-yaml", "text/yaml"):
        items = yaml.safe_load(request.get_data(as_text=True)) or []
    elif request.mimetype in ("application/xml", "text/xml"):
        root = SafeElementTree.fromstring(request.get_data())
        items = [
            {"title": n.findtext("title"), "body": n.findtext("content") or ""}
            for n in root.iter("note")
        ]
    else:
        abort(415)
    if not isinstance(items, list) or len(items) > MAX_IMPORT_ITEMS:
        abort(400)
    for item in items:
        if not isinstance(item, dict):
            abort(400)
        title = str(item.get("title") or "Untitled")[:200]
        db.session.add(Note(owner=current_user, title=title, body=str(item.get("body", ""))))
    db.session.commit()
    return jsonify(imported=len(items)), 201


@api_bp.route("/link-preview", methods=["GET"])
@login_required
def preview_link():
    try:
        return jsonify(link_preview(request.args["url"]))
    except UnsafeURLError as exc:
        return jsonify(error=str(exc)), 400


@api_bp.route("/metrics", methods=["GET"])
@basic_auth.login_required
def metrics():
    return jsonify(users=User.query.count(), notes=Note.query.count())


@api_bp.route("/v2/me", methods=["GET"])
@jwt_required()
def me_v2():
    user = db.session.get(User, int(get_jwt_identity())) or abort(404)
    return jsonify(user.to_dict())
