from urllib.parse import quote

from flask import Flask, make_response, request

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


@app.route("/inbox", methods=["POST"])
def browse():
    given = request.form.get("comment", "")

    def current():
        return given

    value = current()

    def process_value(value):
        resp = make_response("tracked")
        resp.headers.add("Set-Cookie", f"tracking={quote(value)}; Path=/")
        return resp

    return process_value(value)
