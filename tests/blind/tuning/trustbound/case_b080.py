import hashlib
import hmac

from flask import Flask, abort, request, session

app = Flask(__name__)
app.secret_key = "roles"
INVITE_KEY = b"invite-signing-key"


def invite_signature(team: str) -> str:
    return hmac.new(INVITE_KEY, team.encode(), hashlib.sha256).hexdigest()


@app.route("/team/join", methods=["POST"])
def join_team():
    team = request.form.get("team", "")
    sig = request.form.get("sig", "")
    if not hmac.compare_digest(invite_signature(team), sig):
        abort(403)
    session["team"] = team
    return {"joined": team}
