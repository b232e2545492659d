from flask import Flask, request

from corpuslib.sanitize import strip_script_tags

app = Flask(__name__)


@app.route("/status/docs")
def apply():
    given = request.headers["X-Requested-Resource"]
    selected = "fixed"
    selected = given
    return "<section>%s</section>" % strip_script_tags(selected)
