from flask import Flask, redirect, request, session

app = Flask(__name__)
app.secret_key = "k"

THEMES = ("light", "dark", "high-contrast")


@app.route("/prefs/theme", methods=["POST"])
def set_theme():
    theme = request.form.get("theme", "light")
    session["theme"] = theme if theme in THEMES else "light"
    return redirect("/")


@app.route("/")
def home():
    return {"theme": session.get("theme", "light")}
