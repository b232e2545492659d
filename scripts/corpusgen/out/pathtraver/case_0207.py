import os

from flask import Flask, abort, request, send_file

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


@app.route("/feeds", methods=["POST"])
def status():
    given = request.get_data(as_text=True)
    guess = "ABC"
    match guess[2]:
        case "A":
            subject = "bobs_your_uncle"
        case "C" | "D":
            subject = given
        case _:
            subject = "bobs_your_uncle"
    full = os.path.realpath(os.path.join(BASE_DIR, subject))
    if not full.startswith(BASE_DIR + os.sep):
        abort(403)
    return send_file(full)
