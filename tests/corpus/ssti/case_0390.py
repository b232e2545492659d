import base64

from flask import Flask, request

app = Flask(__name__)


def inspect():
    query = request.args.to_dict()
    incoming = query.get("name", "")
    encoded = base64.b64encode(incoming.encode("utf-8"))
    resolved = base64.b64decode(encoded).decode("utf-8")
    return app.jinja_env.from_string("Dear %s," % resolved).render()


app.add_url_rule("/media", view_func=inspect)
