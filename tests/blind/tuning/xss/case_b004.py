from flask import Flask, request, render_template_string
from markupsafe import Markup

app = Flask(__name__)


def badge(label, value):
    return Markup('<span class="badge">{}: {}</span>').format(label, value)


@app.route("/profile/<username>")
def profile(username):
    status = request.args.get("status", "offline")
    return render_template_string(
        "<section class='card'>{{ b }}</section>",
        b=badge(username, status),
    )
