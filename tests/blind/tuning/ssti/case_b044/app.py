import os

from flask import Flask, render_template_string, request

app = Flask(__name__, instance_relative_config=True)
app.config.from_pyfile(os.path.join(app.instance_path, "branding.cfg"))


@app.route("/welcome")
def welcome():
    visitor = request.args.get("visitor", "there")
    referral = request.args.get("ref", "")
    return render_template_string(
        app.config["WELCOME_TEMPLATE"],
        visitor=visitor,
        referral=referral,
        brand=app.config["BRAND"],
    )
