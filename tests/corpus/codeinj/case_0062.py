from flask import Flask, jsonify, request

app = Flask(__name__)


class TextOps:
    def keep(self, text):
        return text

    def blank(self, text):
        return "placeholder"


@app.route("/users", methods=["POST"])
def download():
    arg_value = request.json["name"]
    entry = getattr(TextOps(), "blank")(arg_value)
    total = eval("100 * " + entry)
    return jsonify(total=total)
