"""JSON API for the mobile app.  POST /api/token with {"username", "password"} returns a
bearer token; every other endpoint wants `Authorization: Bearer <token>`."""
import base64
import binascii
import functools
import pickle
import shlex

from flask import Blueprint, g, jsonify, request

from . import storage
from .fences import fetch, shell

bp = Blueprint("api", __name__)

PROFILE_COLUMNS = ("full_name", "email", "phone", "role")   # shared with the admin screen
CONTACT_FIELDS = ("email", "phone")
DEFAULT_PREFERENCES = {"layout": "list", "page_size": 20}


def _body():
    data = request.get_json(silent=True)
    return data if isinstance(data, dict) else {}


def bearer_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        user = storage.resolve_token(storage.api_tokens, token.strip()) if scheme.lower() == "bearer" else None
        if user is None:
            return jsonify(error="missing or invalid bearer token"), 401
        g.api_user = user
        return view(*args, **kwargs)
    return wrapper


@bp.errorhandler(404)
def _not_found(_exc):
    return jsonify(error="not found"), 404


@bp.route("/token", methods=["POST"])
def token():
    data = _body()
    user = storage.authenticate(str(data.get("username", "")), str(data.get("password", "")))
    if user is None:
        return jsonify(error="invalid credentials"), 401
    return jsonify(token=storage.issue_token(storage.api_tokens, user["id"]), token_type="Bearer")


@bp.route("/patients")
@bearer_required
def patients():
    rows = storage.db.query("SELECT id, name, dob FROM patients WHERE clinician = ? ORDER BY id",
                            (g.api_user["username"],))
    return jsonify(patients=rows)


@bp.route("/patients/<int:pid>")
@bearer_required
def patient(pid):
    row = storage.db.one("SELECT id, name, dob, clinician, diagnosis FROM patients WHERE id = ?", (pid,))
    if row is None:
        return jsonify(error="not found"), 404
    return jsonify(patient=row)


@bp.route("/appointments")
@bearer_required
def appointments():
    status = request.args.get("status", "booked")
    rows = storage.db.query(
        "SELECT a.id, p.name AS patient, a.starts_at, a.status FROM appointments a "
        "JOIN patients p ON p.id = a.patient_id WHERE a.clinician = ? AND a.status = ? ORDER BY a.starts_at",
        (g.api_user["username"], status))
    return jsonify(appointments=rows)


@bp.route("/me", methods=["GET", "PATCH"])
@bearer_required
def me():
    if request.method == "PATCH":
        changes = {k: v for k, v in _body().items() if k in PROFILE_COLUMNS}
        for column, value in changes.items():
            storage.db.run("UPDATE users SET %s = ? WHERE id = ?" % column, (str(value), g.api_user["id"]))
    return jsonify(user=storage.user_by_id(g.api_user["id"]))


@bp.route("/me/contact", methods=["PUT"])
@bearer_required
def me_contact():
    data = _body()
    for field in CONTACT_FIELDS:
        if field in data:
            storage.db.run("UPDATE users SET %s = ? WHERE id = ?" % field, (str(data[field]), g.api_user["id"]))
    return jsonify(user=storage.user_by_id(g.api_user["id"]))


@bp.route("/admin/users")
@bearer_required
def admin_users():
    if g.api_user["role"] != "admin":
        return jsonify(error="admins only"), 403
    return jsonify(users=storage.db.query("SELECT id, username, full_name, role, email FROM users"))


@bp.route("/devices/ping", methods=["POST"])
@bearer_required
def device_ping():
    host = str(_body().get("host", "")).strip()
    if not host:
        return jsonify(error="host is required"), 400
    return jsonify(host=host, output=shell("ping -c 1 -W 1 " + host))


@bp.route("/devices/status", methods=["POST"])
@bearer_required
def device_status():
    device = str(_body().get("device", "")).strip()
    if not device:
        return jsonify(error="device is required"), 400
    return jsonify(device=device, output=shell("echo checking device " + shlex.quote(device)))


@bp.route("/referrals/import", methods=["POST"])
@bearer_required
def import_referral():
    url = str(_body().get("url", ""))
    try:
        status, content = fetch(url)
    except Exception as exc:  # noqa: BLE001
        return jsonify(error="could not fetch referral: %s" % exc), 502
    return jsonify(status=status, bytes=len(content), preview=content[:300].decode("utf-8", "replace"))


@bp.route("/preferences")
@bearer_required
def preferences():
    prefs = dict(DEFAULT_PREFERENCES)
    state = request.headers.get("X-Client-State")
    if state:
        try:
            restored = pickle.loads(base64.b64decode(state))
        except (binascii.Error, pickle.UnpicklingError, EOFError, ValueError, TypeError) as exc:
            return jsonify(error="bad client state: %s" % exc), 400
        if isinstance(restored, dict):
            prefs.update(restored)
        else:
            prefs["client_state"] = restored
    return jsonify(preferences={k: str(v) for k, v in prefs.items()})
