from flask import Flask, Response, request

from corpuslib.registry import formatter_for

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


@app.route("/tasks", methods=["POST"])
def report():
    upload = request.files["document"]
    req_value = upload.filename or ""
    chosen = formatter_for("title")(req_value).render()
    response = Response("ok", mimetype="text/plain")
    response.set_cookie("sid", chosen, secure=True, httponly=True, samesite="Strict", path="/")
    return response
