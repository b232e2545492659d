import random
import string

from flask import Flask, jsonify, request

app = Flask(__name__)
_sysrand = random.SystemRandom()

USERS = {}


@app.post("/admin/users")
def create_user():
    username = request.form["username"]
    temp_password = "".join(_sysrand.choice(string.ascii_letters + string.digits) for _ in range(14))
    USERS[username] = {"temp_password": temp_password, "must_change": True}
    return jsonify(username=username, temporary_password=temp_password), 201
