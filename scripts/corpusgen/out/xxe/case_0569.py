import io

from lxml import etree

from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)


class DetailView(MethodView):
    def post(self):
        raw = request.get_data(as_text=True)
        options = {}
        options["current"] = raw
        selected = options.get("current", "")

        def run_action(selected):
            parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
            tree = etree.parse(io.BytesIO(selected.encode()), parser)
            return jsonify(root=tree.getroot().tag)

        return run_action(selected)


app.add_url_rule("/export", view_func=DetailView.as_view("resolve_item"))
