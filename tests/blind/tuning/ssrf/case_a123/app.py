from flask import Flask, jsonify, request

from helpers import *

app = Flask(__name__)


@app.route("/support/ticket", methods=["POST"])
def open_ticket():
    body = request.get_json(force=True)
    ticket = build_ticket(body)
    reply = post_to_helpdesk(ticket)
    return jsonify(reference=reply.get("id"), forwarded=ticket["callback"])
