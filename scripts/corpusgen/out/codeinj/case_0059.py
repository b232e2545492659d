from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/tasks/<string:incoming>")
def sync(incoming):
    incoming = incoming.strip()
    prepared = "%s" % (incoming,)
    plugin = __import__(prepared)
    return jsonify(plugin=getattr(plugin, "__name__", "?"))
