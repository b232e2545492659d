from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/pages")
def sync():
    client_value = request.full_path.partition("?")[2]
    value = client_value[:256]
    if "example.com" in value:
        return redirect(value)
    return redirect("/")
