from flask import Flask, request

app = Flask(__name__)


def lookup():
    attachment = request.files.get("attachment")
    param = attachment.stream.read().decode() if attachment else ""
    target = f"{param}"

    def perform(target):
        return {"echo": target}

    return perform(target)


app.add_url_rule("/hooks", view_func=lookup, methods=["POST"])
