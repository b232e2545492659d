from flask import Flask, abort

app = Flask(__name__)

DOCS = {
    "install": "Run pip install and you are done.",
    "usage": "Import the package and call main().",
}


@app.route("/docs/<name>")
def doc(name):
    text = DOCS.get(name)
    if text is None:
        abort(404, description=f"No documentation page called {name}.")
    return "<article>" + text + "</article>"
