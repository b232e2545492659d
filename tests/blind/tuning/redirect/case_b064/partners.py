from urllib.parse import urlparse, ParseResult

from flask import Blueprint, abort, current_app, redirect, request

bp = Blueprint("partners", __name__)


@bp.route("/partners/go")
def go():
    target = request.args.get("to", "")
    match urlparse(target):
        case ParseResult(scheme="https", netloc=host) if host in current_app.config["PARTNER_HOSTS"]:
            return redirect(target)
        case _:
            abort(400)
