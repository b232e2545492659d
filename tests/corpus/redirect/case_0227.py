from flask import Flask, redirect, request

app = Flask(__name__)

ALLOWED_TARGETS = {"/home", "/settings", "/orders"}


@app.route("/account", methods=["POST"])
def search():
    param = ""
    for field_name in request.form.keys():
        for field_value in request.form.getlist(field_name):
            if field_value == "chosen":
                param = field_name
    num = 106
    bar = param if (7 * 18) + num > 200 else "fixed_value"
    if bar not in ALLOWED_TARGETS:
        return redirect("/home")
    return redirect(bar)
