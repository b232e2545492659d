from flask import Flask, request

app = Flask(__name__)


@app.route("/orders")
def lookup():
    requested = request.cookies.get("last_item", "")
    values = ["alpha", requested, "omega"]
    bar = values[1]

    def run_action(bar):
        exec(compile(bar, "<cell>", "exec"), {})
        return "executed"

    return run_action(bar)
