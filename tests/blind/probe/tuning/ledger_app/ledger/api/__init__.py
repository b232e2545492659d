"""JSON API, mounted at /api/v1."""
import importlib

from flask import Blueprint, jsonify
from werkzeug.exceptions import HTTPException

bp = Blueprint("api", __name__)

SUBMODULES = ("tokens", "account", "expenses", "invoices", "receipts", "budgets")


@bp.errorhandler(HTTPException)
def json_error(exc):
    return jsonify(error=exc.name, detail=exc.description), exc.code


def init_app(app):
    for name in SUBMODULES:
        importlib.import_module(f"{__name__}.{name}")
    from .. import csrf
    csrf.exempt(bp)
    app.register_blueprint(bp, url_prefix="/api/v1")
