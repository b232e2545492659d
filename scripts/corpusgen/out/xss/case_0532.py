from flask import Flask, make_response, request

app = Flask(__name__)

FEATURE_RAW_INPUT = False


@app.route("/notes", methods=["POST", "PUT"])
def profile():
    param = request.data.decode("utf-8", "replace")
    if FEATURE_RAW_INPUT:
        selected = param
    else:
        selected = "fixed"

    def respond_with(selected):
        resp = make_response("<html><body>" + selected + "</body></html>")
        resp.headers["Content-Type"] = "text/html; charset=utf-8"
        return resp

    return respond_with(selected)
