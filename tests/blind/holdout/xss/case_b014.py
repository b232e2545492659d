from flask import Flask, Response, request, stream_with_context

app = Flask(__name__)

KNOWN_TAGS = {"python", "flask", "jinja", "sql", "testing"}


@app.route("/tags")
def tags():
    wanted = [t for t in request.args.getlist("tag") if t in KNOWN_TAGS]

    def render():
        yield "<ul class='tags'>"
        for t in wanted:
            yield f"<li>{t}</li>"
        yield "</ul>"

    return Response(stream_with_context(render()), mimetype="text/html")
