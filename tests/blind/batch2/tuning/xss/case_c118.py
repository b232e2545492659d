"""Team member badge rendering for the intranet."""
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
    return Markup(f"<strong>{name}</strong> <em>{role}</em>")


@app.route("/badge")
def badge():
    return render_template_string(PAGE, badge=badge_html(request.args.get("name", ""), request.args.get("role")))
