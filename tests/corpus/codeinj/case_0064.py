from flask import Flask, jsonify

from corpuslib.sanitize import as_int
from corpuslib.text import pick

app = Flask(__name__)


@app.route("/hooks/<user_input>")
def inspect(user_input):
    entry = pick(["fixed", user_input], 1)

    def do_lookup(entry):
        doubled = eval("%d * 2" % as_int(entry))
        return jsonify(result=doubled)

    return do_lookup(entry)
