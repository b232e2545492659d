from flask import Flask, redirect, request, session

app = Flask(__name__)
app.secret_key = "k"


@app.route("/welcome", methods=["POST"])
def welcome():
    session["display_name"] = request.form["display_name"]
    session.permanent = True
    return redirect("/")


@app.route("/")
def home():
    return {"hello": session.get("display_name", "stranger")}
