import random
import time

from flask import Flask, jsonify, request

app = Flask(__name__)

INVITES = {}


@app.post("/org/<org>/invites")
def create_invite(org):
    rng = random.Random(int(time.time()))
    code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(10))
    INVITES[code] = {"org": org, "email": request.form.get("email")}
    return jsonify(invite_code=code, link=f"https://example.com/join/{code}")
