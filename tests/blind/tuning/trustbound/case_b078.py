from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = "roles"

ALLOW_ROLE_OVERRIDE = False


@app.route("/impersonate", methods=["POST"])
def impersonate():
    role = request.form.get("role", "viewer")
    if ALLOW_ROLE_OVERRIDE:
        session["role"] = role
    else:
        session["role"] = "viewer"
    return {"role": session["role"]}
