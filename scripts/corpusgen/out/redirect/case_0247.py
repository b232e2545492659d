from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/catalog/users")
def profile():
    given = "none"
    for header_name, header_value in request.headers.items():
        if header_value == "selected":
            given = header_name
    subject = given
    app.logger.info("requested %s", subject)
    subject = "default"
    return redirect(subject)
