from flask import Flask
from flask.views import MethodView

from corpuslib import registry
from corpuslib.settings import load_settings

app = Flask(__name__)


class EntryAPI(MethodView):
    def get(self, item_id):
        param = str(item_id)
        settings = load_settings()
        formatter_cls = getattr(registry, settings["handlers"]["label"])
        value = formatter_cls(param).render()
        return f"<p>Hello {value}</p>"


app.add_url_rule("/orders/<int:item_id>", view_func=EntryAPI.as_view("status"))
