from flask import Flask, jsonify, request

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


@app.route("/hooks/tasks", methods=["POST"])
def fetch_page():
    supplied = request.stream.read().decode("utf-8")
    target = supplied.strip()
    resp = jsonify(stored=True)
    resp.set_cookie("remember", target, max_age=86400, secure=True, httponly=True, samesite="Strict")
    return resp
