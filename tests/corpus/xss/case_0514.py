from markupsafe import Markup

from flask import Flask, render_template

from corpuslib.text import Box

app = Flask(__name__, template_folder="../templates")


@app.route("/status/<string:supplied>")
def browse(supplied):
    supplied = supplied.strip()
    entry = Box(supplied).unwrap()

    def perform(entry):
        return render_template("profile.html", bio=Markup(entry))

    return perform(entry)
