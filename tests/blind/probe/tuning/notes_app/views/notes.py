import base64
import html
import pickle
import sqlite3
import urllib.error
import urllib.request

from flask import (Blueprint, abort, current_app, flash, g, make_response, redirect, render_template,
                   render_template_string, url_for)

from ..forms import DeleteForm, ImportForm, NoteForm, PreviewForm, SearchForm
from . import login_required

bp = Blueprint("notes", __name__, url_prefix="/notes")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect)


def _note_or_404(note_id):
    note = current_app.db.first("SELECT * FROM notes WHERE id = ?", (note_id,))
    if note is None:
        abort(404)
    return note


@bp.route("")
@login_required
def list_notes():
    notes = current_app.db.all("SELECT * FROM notes WHERE owner_id = ? ORDER BY id", (g.user.id,))
    resp = make_response(render_template("notes/list.html", notes=notes))
    state = dict(g.ui, last_note=notes[-1]["id"] if notes else None)
    resp.set_cookie("ui_state", base64.urlsafe_b64encode(pickle.dumps(state)).decode(),
                    httponly=True, samesite="Lax")
    return resp


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new_note():
    form = NoteForm()
    if form.validate_on_submit():
        note_id = current_app.db.run(
            "INSERT INTO notes (owner_id, title, body, category) VALUES (?, ?, ?, ?)",
            (g.user.id, form.title.data, form.body.data, form.category.data),
        )
        flash("Note saved.")
        return redirect(url_for("notes.show_note", note_id=note_id))
    return render_template("form.html", form=form, title="New note")


@bp.route("/<int:note_id>")
@login_required
def show_note(note_id):
    note = _note_or_404(note_id)
    return render_template("notes/show.html", note=note, delete_form=DeleteForm())


@bp.route("/<int:note_id>/edit", methods=["GET", "POST"])
@login_required
def edit_note(note_id):
    note = _note_or_404(note_id)
    form = NoteForm(data=dict(note))
    if form.validate_on_submit():
        current_app.db.run("UPDATE notes SET title = ?, body = ?, category = ? WHERE id = ?",
                           (form.title.data, form.body.data, form.category.data, note_id))
        flash("Note updated.")
        return redirect(url_for("notes.show_note", note_id=note_id))
    return render_template("form.html", form=form, title=f"Edit note {note_id}")


@bp.route("/<int:note_id>/delete", methods=["POST"])
@login_required
def delete_note(note_id):
    form = DeleteForm()
    note = _note_or_404(note_id)
    if note["owner_id"] != g.user.id:
        abort(404)
    if form.validate_on_submit():
        current_app.db.run("DELETE FROM notes WHERE id = ? AND owner_id = ?", (note_id, g.user.id))
        flash("Note deleted.")
    return redirect(url_for("notes.list_notes"))


@bp.route("/search", methods=["GET", "POST"])
@login_required
def search():
    form = SearchForm()
    results, error = None, None
    if form.validate_on_submit():
        q = form.q.data
        try:
            results = current_app.db.all(
                f"SELECT id, title, category FROM notes WHERE owner_id = {g.user.id} "
                f"AND title LIKE '%{q}%' ORDER BY id"
            )
        except sqlite3.Error as exc:
            error = str(exc)
    return render_template("notes/search.html", form=form, results=results, error=error)


@bp.route("/import", methods=["GET", "POST"])
@login_required
def import_note():
    form = ImportForm()
    fetched = None
    if form.validate_on_submit():
        url = form.url.data
        try:
            with _opener.open(url, timeout=3) as resp:
                status, body = resp.getcode(), resp.read(64 * 1024)
        except urllib.error.HTTPError as err:
            status, body = err.code, (err.read(64 * 1024) if err.fp else b"")
        except (urllib.error.URLError, OSError, ValueError) as exc:
            flash(f"Could not fetch {url}: {exc}")
            return render_template("notes/import.html", form=form, fetched=None)
        text = body.decode("utf-8", "replace")
        note_id = current_app.db.run(
            "INSERT INTO notes (owner_id, title, body, category) VALUES (?, ?, ?, ?)",
            (g.user.id, f"Imported from {url}"[:80], text, form.category.data),
        )
        fetched = {"status": status, "size": len(body), "text": text, "note_id": note_id}
    return render_template("notes/import.html", form=form, fetched=fetched)


@bp.route("/preview", methods=["GET", "POST"])
@login_required
def preview():
    """Shows how a note body will look: text is escaped, newlines become <br>."""
    form = PreviewForm()
    rendered = None
    if form.validate_on_submit():
        text = html.escape(form.body.data, quote=False).replace("\n", "<br>\n")
        rendered = render_template_string(
            '<div class="note-body">' + text + "</div>"
            '<p class="meta">Preview for {{ user.display_name }}</p>',
            user=g.user,
        )
    return render_template("notes/preview.html", form=form, rendered=rendered)
