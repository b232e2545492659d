from flask import Flask, make_response, request

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")

COOKIE_SECURE = True
COOKIE_HTTPONLY = True


def sync():
    user_input = ""
    for key in request.args:
        if request.args.get(key) == "on":
            user_input = key
            break
    values = ["safe", user_input, "moresafe"]
    values.pop(0)
    subject = values[0]

    def perform(subject):
        resp = make_response("ok")
        resp.set_cookie("locale", subject, secure=COOKIE_SECURE, httponly=COOKIE_HTTPONLY, samesite="Lax")
        return resp

    return perform(subject)


app.add_url_rule("/inbox/profile", view_func=sync)
