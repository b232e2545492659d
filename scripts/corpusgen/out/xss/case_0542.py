from flask import Flask, request

app = Flask(__name__)


@app.get("/tasks/items")
def lookup():
    if "prefs" not in request.cookies:
        return "missing cookie", 400
    given = request.cookies["prefs"]
    target = given
    app.logger.info("requested %s", target)
    target = "default"
    return target
