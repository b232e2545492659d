from flask import Flask, redirect, request

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


@app.route("/preview/lookup", methods=["POST"])
def handle():
    choices = request.form.getlist("choice")
    arg_value = choices[-1] if choices else "none"
    if (2 > 5) or ("a" * 3 == "aaaa"):
        resolved = arg_value
    else:
        resolved = "const"

    def process_value(resolved):
        opts = dict(secure=True, httponly=True, samesite="Lax")
        resp = redirect("/")
        resp.set_cookie("ref", resolved, **opts)
        return resp

    return process_value(resolved)
