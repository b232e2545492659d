from flask import Blueprint, render_template, request

from . import storage
from .forms import FindDoctorForm

bp = Blueprint("public", __name__)


@bp.route("/")
def home():
    return render_template("home.html")


@bp.route("/appointments/find")
def find_doctor():
    form = FindDoctorForm(request.args, meta={"csrf": False})
    doctor = form.doctor.data or ""
    matches = []
    if doctor:
        matches = storage.db.query(
            "SELECT full_name, role FROM users WHERE role IN ('doctor', 'nurse') AND full_name LIKE ?",
            ("%" + doctor + "%",))
    return render_template("find.html", form=form, doctor=doctor, matches=matches)
