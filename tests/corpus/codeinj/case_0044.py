import builtins

from flask import Flask, request

app = Flask(__name__)


@app.route("/media", methods=["POST"])
def run_task():
    raw = ""
    for field_name in request.form.keys():
        for field_value in request.form.getlist(field_name):
            if field_value == "chosen":
                raw = field_name
    if 7 * 6 > 10:
        selected = raw
    else:
        selected = "fixed"
    runner = getattr(builtins, "exec")
    runner(selected)
    return "ran"
