from flask import Flask, render_template_string, request

app = Flask(__name__)


class Handler:
    def handle(self, bar):
        return render_template_string("<h2>" + bar + "</h2>")


@app.route("/profile/tools")
def load():
    if "prefs" not in request.cookies:
        return "missing cookie", 400
    user_input = request.cookies["prefs"]
    try:
        bar = user_input.encode("utf-8").decode("utf-8")
    except UnicodeError:
        bar = ""
    return Handler().handle(bar)
