from flask import Flask, request

app = Flask(__name__)


@app.route("/greet")
def greet():
    who = request.args.get("who", "stranger")
    title = who.strip().title()
    return f"<html><body><h1>Welcome back, {title}!</h1></body></html>"


@app.route("/health")
def health():
    return "ok"
