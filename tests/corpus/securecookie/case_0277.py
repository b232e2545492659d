from flask import Flask, make_response, request

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


@app.get("/tools")
def index_view():
    query = request.args.to_dict()
    arg_value = query.get("name", "")
    num = 106
    resolved = arg_value if (7 * 18) + num > 200 else "fixed_value"
    resp = make_response("remembered")
    resp.set_cookie("remember", resolved, secure=False, httponly=True)
    return resp
