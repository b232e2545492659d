"""Clinician pages: patient list, search, record view with notes, letters, reminders,
attachments, monthly reports, dosage calculator and display preferences."""
import os
import sqlite3

from flask import (Blueprint, abort, current_app, flash, redirect, render_template, render_template_string,
                   request, send_file, send_from_directory, url_for)

from . import storage
from .auth import current_user, login_required
from .fences import calc
from .forms import DosageForm, LetterForm, NoteForm, PreferencesForm, ReminderForm, SearchForm

bp = Blueprint("patients", __name__)

LETTER_HEAD = "<p>Dear {{ patient.name }},</p><p>your next visit is on {{ visit }}.</p>"
REMINDER = ("<p>Reminder for {{ patient.name }}: appointment in {{ hours }} hours.</p>"
            "<p>{{ message }}</p>")


def _own_patient(pid):
    patient = storage.db.one("SELECT * FROM patients WHERE id = ?", (pid,))
    if patient is None or patient["clinician"] != current_user()["username"]:
        abort(404)
    return patient


@bp.route("/")
@login_required
def index():
    patients = storage.db.query("SELECT id, name, dob FROM patients WHERE clinician = ? ORDER BY name",
                                (current_user()["username"],))
    return render_template("patients.html", patients=patients)


@bp.route("/search")
@login_required
def search():
    form = SearchForm(request.args, meta={"csrf": False})
    results, error = [], None
    if form.q.data:
        sql = ("SELECT id, name, dob FROM patients WHERE clinician = '%s' AND name LIKE '%%%s%%' ORDER BY name"
               % (current_user()["username"], form.q.data))
        try:
            results = storage.db.query(sql)
        except sqlite3.Error as exc:
            error = "Search failed: %s" % exc
    return render_template("search.html", form=form, results=results, error=error)


@bp.route("/<int:pid>")
@login_required
def view(pid):
    patient = _own_patient(pid)
    notes = storage.db.query("SELECT author, body FROM notes WHERE patient_id = ? ORDER BY id", (pid,))
    attachments = sorted(os.listdir(os.path.join(current_app.config["ATTACHMENTS_DIR"], str(pid)))) \
        if os.path.isdir(os.path.join(current_app.config["ATTACHMENTS_DIR"], str(pid))) else []
    return render_template("patient.html", patient=patient, notes=notes, form=NoteForm(),
                           attachments=attachments)


@bp.route("/<int:pid>/notes", methods=["POST"])
@login_required
def add_note(pid):
    _own_patient(pid)
    form = NoteForm()
    if form.validate_on_submit():
        storage.db.run("INSERT INTO notes (patient_id, author, body) VALUES (?, ?, ?)",
                       (pid, current_user()["username"], form.body.data))
        flash("Note saved.")
    else:
        flash("Note not saved: %s" % "; ".join(sum(form.errors.values(), [])))
    return redirect(url_for("patients.view", pid=pid))


@bp.route("/<int:pid>/letter", methods=["GET", "POST"])
@login_required
def letter(pid):
    patient = _own_patient(pid)
    form = LetterForm()
    preview = None
    if form.validate_on_submit():
        preview = render_template_string(LETTER_HEAD + "<p>" + form.closing.data + "</p>",
                                         patient=patient, visit=form.visit_date.data.isoformat())
    return render_template("letter.html", patient=patient, form=form, preview=preview)


@bp.route("/<int:pid>/reminder", methods=["GET", "POST"])
@login_required
def reminder(pid):
    patient = _own_patient(pid)
    form = ReminderForm()
    preview = None
    if form.validate_on_submit():
        preview = render_template_string(REMINDER, patient=patient, hours=int(form.hours_before.data),
                                         message=form.message.data)
    return render_template("reminder.html", patient=patient, form=form, preview=preview)


@bp.route("/attachments/<path:filename>")
@login_required
def attachment(filename):
    owner, _, _ = filename.partition("/")
    if not owner.isdecimal():
        abort(404)
    _own_patient(int(owner))
    path = os.path.join(current_app.config["ATTACHMENTS_DIR"], filename)
    if not os.path.isfile(path):
        abort(404)
    return send_file(path, mimetype="text/plain")


@bp.route("/reports/<path:name>")
@login_required
def report(name):
    return send_from_directory(current_app.config["REPORTS_DIR"], name, mimetype="text/plain")


@bp.route("/reports/")
@login_required
def reports():
    names = sorted(os.listdir(current_app.config["REPORTS_DIR"]))
    return render_template("reports.html", names=names)


@bp.route("/dosage", methods=["GET", "POST"])
@login_required
def dosage():
    form = DosageForm()
    result = error = None
    if form.validate_on_submit():
        try:
            result = calc(form.formula.data, {"weight": float(form.weight.data)})
        except Exception as exc:  # noqa: BLE001 - shown to the clinician
            error = "Cannot evaluate formula: %s" % exc
    return render_template("dosage.html", form=form, result=result, error=error)


@bp.route("/preferences", methods=["GET", "POST"])
@login_required
def preferences():
    form = PreferencesForm()
    if form.validate_on_submit():
        response = redirect(url_for("patients.preferences"))
        response.set_cookie("clinic_theme", form.theme.data, max_age=365 * 24 * 3600,
                            secure=True, httponly=True, samesite="Strict")
        return response
    form.theme.data = form.theme.data or request.cookies.get("clinic_theme", "light")
    return render_template("preferences.html", form=form)
