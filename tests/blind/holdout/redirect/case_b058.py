from flask import Flask, redirect, request, session, url_for

app = Flask(__name__)
app.secret_key = "onboarding"


@app.route("/inbox")
def inbox():
    return "inbox"


@app.route("/onboarding/finish", methods=["POST"])
def finish_onboarding():
    target = request.args.get("continue", "")
    session["onboarded"] = True
    if target:
        app.logger.debug("continue param ignored: %s", target)
    target = url_for("inbox")
    return redirect(target)
