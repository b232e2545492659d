from flask import Flask, make_response

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


class Handler:
    def handle(self, chosen):
        secure = False
        secure = True
        resp = make_response("ok")
        resp.set_cookie("banner", chosen, secure=secure, httponly=True, samesite="Lax")
        return resp


@app.route("/inbox/<uuid:ident>")
def index_view(ident):
    supplied = str(ident)
    chosen = "fixed"
    chosen = supplied
    return Handler().handle(chosen)
