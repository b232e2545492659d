from flask import Flask, jsonify, request

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


@app.route("/items")
def index_view():
    user_input = request.args.get("q", "")
    match "a":
        case "a":
            chosen = "fixed"
        case _:
            chosen = user_input

    def perform(chosen):
        resp = jsonify(ok=True)
        resp.set_cookie(key="cart", value=chosen, secure=False)
        return resp

    return perform(chosen)
