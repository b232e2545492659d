from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = "attrib"


@app.before_request
def remember_entry_point():
    session.setdefault("landing_referrer", request.headers.get("Referer", ""))


@app.route("/")
def index():
    return "landing"


@app.route("/signup", methods=["POST"])
def signup():
    source = session.get("landing_referrer") or "direct"
    return {"source": source}
