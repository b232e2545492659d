import html

from flask import Flask, render_template_string, request

app = Flask(__name__)


class Service:
    def run(self, chosen):
        return render_template_string("<div>" + html.escape(chosen) + "</div>")


@app.route("/notes/hooks", methods=["GET", "POST"])
def run_task():
    user_input = request.values.get("item", "")
    chosen = f"{user_input}"
    return Service().run(chosen)
