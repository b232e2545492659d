from flask import Flask, redirect, render_template_string, request, session, url_for

app = Flask(__name__)
app.secret_key = "change-me"

USERS = {"alice": "wonderland"}
LANDING_PAGES = {"index", "settings", "billing"}

LOGIN_FORM = """
<form method="post">
  <input name="username"><input name="password" type="password">
  <input type="hidden" name="next" value="{{ nxt }}">
  <button>Sign in</button>
</form>
"""


@app.route("/")
def index():
    return "home"


@app.route("/settings")
def settings():
    return "settings"


@app.route("/billing")
def billing():
    return "billing"


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template_string(LOGIN_FORM, nxt=request.args.get("next", ""))
    user = request.form.get("username", "")
    if USERS.get(user) != request.form.get("password"):
        return render_template_string(LOGIN_FORM, nxt=request.form.get("next", "")), 401
    session["user"] = user
    dest = request.form.get("next", "index")
    if dest not in LANDING_PAGES:
        dest = "index"
    return redirect(url_for(dest))
