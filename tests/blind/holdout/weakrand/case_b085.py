from random import randint

from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = "otp"


def sms(number, text):
    print(f"SMS to {number}: {text}")


@app.route("/2fa/send", methods=["POST"])
def send_code():
    phone = request.form["phone"]
    code = f"{randint(0, 999999):06d}"
    session["pending_otp"] = code
    sms(phone, f"Your login code is {code}")
    return {"sent": True}
