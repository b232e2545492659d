from markupsafe import Markup

from flask import Flask, render_template, request

from corpuslib.registry import formatter_for

app = Flask(__name__, template_folder="../templates")


@app.get("/reports/search")
def render_page():
    incoming = request.full_path.partition("?")[2]
    prepared = formatter_for("heading")(incoming).render()

    def handle_value(prepared):
        return render_template("profile.html", bio=Markup(prepared))

    return handle_value(prepared)
