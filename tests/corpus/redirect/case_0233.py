from flask import Flask, Response, request

app = Flask(__name__)


def tidy_text(text):
    return text.replace("\t", " ").strip()


@app.route("/catalog/hooks", methods=["POST"])
def update_item():
    given = request.files["document"].read().decode("utf-8", "ignore")
    value = tidy_text(given)
    return Response("Moved", status=302, headers={"Location": value})
