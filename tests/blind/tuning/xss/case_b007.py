from flask import Flask, request

app = Flask(__name__)


def _strip_tags(value: str) -> str:
    return value.replace("<", "&lt;").replace(">", "&gt;")


@app.route("/subscribe")
def subscribe():
    email = request.args.get("email", "")
    shown = _strip_tags(email)
    return (
        '<form method="post" action="/subscribe">'
        '<input type="email" name="email" value="' + shown + '">'
        "<button>Join</button></form>"
    )
