from flask import Flask, render_template_string, request

app = Flask(__name__)


def do_lookup(subject):
    body = "<h1>Report</h1><p>%s</p>" % subject
    return render_template_string(body, generated="today")


@app.route("/notes")
def profile():
    requested = request.headers["X-Requested-Resource"]
    subject = "%s" % (requested,)
    return do_lookup(subject)
