from flask import Blueprint, abort, render_template, request

bp = Blueprint("help", __name__, url_prefix="/help")

TOPICS = {
    "billing": "help/billing.html",
    "accounts": "help/accounts.html",
}


@bp.route("/<topic>")
def topic(topic):
    template = TOPICS.get(topic)
    if template is None:
        abort(404)
    return render_template(template, highlight=request.args.get("q", ""))
