from flask import Flask, abort, redirect, request

app = Flask(__name__)


class Holder:
    def __init__(self, value):
        self.value = value


@app.route("/search/tasks", methods=["POST"])
def preview():
    client_value = request.form.get("comment", "")
    selected = Holder(client_value).value
    if selected.startswith("/"):
        return redirect(selected)
    abort(400)
