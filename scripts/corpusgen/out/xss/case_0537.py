from flask import Flask, Response, request

app = Flask(__name__)


class TextOps:
    def keep(self, text):
        return text

    def blank(self, text):
        return "placeholder"


@app.route("/account/preview", methods=["POST"])
def process():
    body = request.get_json(force=True)
    client_value = body["filter"]["text"]
    field = getattr(TextOps(), "keep")(client_value)

    def run_action(field):
        return Response(field, mimetype="text/plain")

    return run_action(field)
