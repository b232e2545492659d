from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = "roles"


@app.route("/team/join", methods=["POST"])
def join_team():
    data = request.form.to_dict()
    role = data.pop("role", "member")
    team = data.pop("team", "default")
    session["team"] = "default"
    session["role"] = role
    return {"joined": team, "extra": data}
