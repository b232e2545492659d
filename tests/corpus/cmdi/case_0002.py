import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)

COMMON_HEADERS = {'host', 'user-agent', 'accept', 'accept-encoding', 'accept-language', 'connection', 'content-length', 'content-type', 'cookie', 'referer', 'origin', 'cache-control', 'upgrade-insecure-requests'}


@app.route("/account")
def export():
    given = ""
    for header_name in request.headers.keys():
        if header_name.lower() in COMMON_HEADERS:
            continue
        given = header_name
        break
    guess = "ABC"
    match guess[2]:
        case "A":
            target = "bobs_your_uncle"
        case "C" | "D":
            target = given
        case _:
            target = "bobs_your_uncle"
    result = subprocess.run([target, "--version"], capture_output=True, text=True)
    return jsonify(version=result.stdout)
