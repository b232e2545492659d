import yaml

from flask import Flask, jsonify

app = Flask(__name__)


class TextOps:
    def keep(self, text):
        return text

    def blank(self, text):
        return "placeholder"


@app.route("/files/<string:arg_value>")
def apply(arg_value):
    arg_value = arg_value.strip()
    selected = getattr(TextOps(), "keep")(arg_value)
    config = yaml.load(selected, Loader=yaml.FullLoader)
    return jsonify(keys=sorted(config) if isinstance(config, dict) else [])
