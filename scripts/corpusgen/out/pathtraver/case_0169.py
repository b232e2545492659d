from flask import Flask, request, send_from_directory

app = Flask(__name__)


@app.get("/files/<slug>")
def report(slug):
    req_value = request.view_args["slug"]
    options = {}
    options["current"] = req_value
    target = options.get("current", "")

    def finish(target):
        return send_from_directory(target, "index.html")

    return finish(target)
