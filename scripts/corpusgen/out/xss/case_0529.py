from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/search/feeds/<slug>")
def export(slug):
    given = request.view_args["slug"]
    first, second = given, "fixed"
    chosen = first if second else ""
    resp = make_response(chosen)
    resp.headers["Content-Type"] = "text/plain; charset=utf-8"
    return resp
