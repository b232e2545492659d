from flask import Flask, redirect, render_template_string, request, session, url_for

app = Flask(__name__)
app.secret_key = "change-me"

USERS = {"alice": "wonderland"}

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


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template_string(LOGIN_FORM, nxt=request.args.get("next", ""))
    user = request.form.get("username", "")
    if USERS.get(user) != request.form.get("password"):
        return render_template_string(LOGIN_FORM, nxt=request.form.get("next", "")), 401
    session["user"] = user
    return redirect(request.form.get("next") or url_for("index"))
