import hashlib

from flask import Flask, request

app = Flask(__name__)


def avatar_url(email: str, size: int = 80) -> str:
    digest = hashlib.md5(email.strip().lower().encode("utf-8")).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}?s={size}&d=identicon"


@app.route("/api/avatar")
def avatar():
    email = request.args.get("email", "")
    size = int(request.args.get("s", "80"))
    return {"avatar": avatar_url(email, size)}
