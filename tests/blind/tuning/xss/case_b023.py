from flask import Flask, request

app = Flask(__name__)


@app.route("/")
def index():
    return "<h1>Home</h1>"


@app.errorhandler(404)
def not_found(err):
    return (
        "<h1>Page not found</h1>"
        f"<p>Sorry, nothing lives at <code>{request.path}</code>.</p>"
        "<a href='/'>Go home</a>",
        404,
    )
