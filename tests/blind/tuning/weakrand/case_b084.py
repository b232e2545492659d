import secrets

from flask import Flask, jsonify, request

app = Flask(__name__)

RESET_TOKENS = {}


def send_mail(to, body):
    app.logger.info("mail to %s: %s", to, body)


@app.post("/password/forgot")
def forgot_password():
    email = request.form["email"]
    token = secrets.token_urlsafe(32)
    RESET_TOKENS[token] = email
    send_mail(email, f"Reset your password: https://example.com/reset/{token}")
    return jsonify(status="sent")
