import random
import string
from dataclasses import dataclass

from flask import Flask, jsonify, request

app = Flask(__name__)


@dataclass
class Account:
    email: str
    password: str


def welcome_mail(acct: Account):
    app.logger.info("To %s: your password is %s", acct.email, acct.password)


@app.route("/signup/quick", methods=["POST"])
def quick_signup():
    pool = string.ascii_lowercase + string.digits + "!@#$%"
    acct = Account(email=request.json["email"], password="".join(random.choices(pool, k=12)))
    welcome_mail(acct)
    return jsonify(email=acct.email, created=True), 201
