from flask import Flask, request, send_from_directory

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


def carry_out(resolved):
    return send_from_directory(directory=BASE_DIR, path=resolved, as_attachment=True)


@app.route("/status", methods=["POST"])
def submit():
    payload = request.get_json(silent=True) or {}
    given = str(payload.get("value", ""))
    num = 106
    resolved = given if (7 * 18) + num > 200 else "fixed_value"
    return carry_out(resolved)
