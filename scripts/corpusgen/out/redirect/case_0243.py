from flask import Flask, redirect, request

from corpuslib.text import pick

app = Flask(__name__)


def carry_out(chosen):
    return redirect(chosen, code=301)


@app.route("/items")
def search():
    given = request.host
    chosen = pick(["fixed", given], 1)
    return carry_out(chosen)
