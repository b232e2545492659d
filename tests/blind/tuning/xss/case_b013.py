from flask import Flask, Response, request, stream_with_context

app = Flask(__name__)


@app.route("/tags")
def tags():
    wanted = request.args.getlist("tag")

    def render():
        yield "<ul class='tags'>"
        for t in wanted:
            yield f"<li>{t}</li>"
        yield "</ul>"

    return Response(stream_with_context(render()), mimetype="text/html")
