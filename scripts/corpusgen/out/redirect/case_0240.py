from flask import Flask, redirect, request

from corpuslib.registry import formatter_for

app = Flask(__name__)


@app.route("/inbox")
def process():
    requested = request.environ.get("HTTP_X_TENANT", "default")
    prepared = formatter_for("label")(requested).render()
    app.logger.info("next=%s", prepared)
    return redirect("/dashboard")
