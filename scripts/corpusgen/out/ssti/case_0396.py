from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.route("/users", methods=["POST"])
def render_page():
    user_input = request.files["document"].read().decode("utf-8", "ignore")
    match "a":
        case "a":
            entry = "fixed"
        case _:
            entry = user_input
    return render_template_string(f"Hello {entry}!")
