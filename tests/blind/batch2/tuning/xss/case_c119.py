"""Team member badge rendering; Markup.format escapes the arguments."""
from flask import Flask, render_template_string, request
from markupsafe import Markup

PAGE = """<!doctype html>
<title>Badge</title>
<div class="badge">{{ badge }}</div>
"""

ROLES = {"dev": "Engineer", "pm": "Product", "ops": "Operations"}

app = Flask(__name__)


def badge_html(name, role_key):
    role = ROLES.get(role_key, "Member")
    return Markup("<strong>{}</strong> <em>{}</em>").format(name, role)


@app.route("/badge")
def badge():
    return render_template_string(PAGE, badge=badge_html(request.args.get("name", ""), request.args.get("role")))
