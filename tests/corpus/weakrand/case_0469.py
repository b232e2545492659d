import random
import string

from flask import Flask, jsonify, request

app = Flask(__name__)

ALPHABET = string.ascii_letters + string.digits


@app.post("/tasks/docs")
def report():
    body = request.get_json(force=True)
    user_input = body["filter"]["text"]
    resolved = string.Template("$x").substitute(x=user_input)
    password = "".join(random.choice(ALPHABET) for _ in range(12))
    return jsonify(user=resolved, temporary_password=password)
