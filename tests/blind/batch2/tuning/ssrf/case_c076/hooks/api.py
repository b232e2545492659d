from flask import Blueprint, abort, current_app, jsonify, request

from .delivery import deliver
from .models import InvalidWebhook, Webhook, registry

api = Blueprint("webhooks", __name__)


@api.route("", methods=["POST"])
def create():
    body = request.get_json(force=True)
    try:
        hook = registry.add(Webhook(url=body["url"], events=body.get("events", ["*"])))
    except (KeyError, InvalidWebhook) as exc:
        return jsonify(error=str(exc)), 400
    return jsonify(id=hook.id), 201


@api.route("/<int:hook_id>/test", methods=["POST"])
def test(hook_id):
    hook = registry.get(hook_id)
    if hook is None:
        abort(404)
    status, text = deliver(hook, "ping", {"hello": "world"}, current_app.config["WEBHOOK_TIMEOUT"])
    return jsonify(status=status, response=text)
