from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/welcome")
def welcome():
    host = request.headers.get("X-Forwarded-Host") or request.host
    proto = request.headers.get("X-Forwarded-Proto", "https")
    return redirect(f"{proto}://{host}/app/start", code=301)
