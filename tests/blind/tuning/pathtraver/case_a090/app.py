from flask import Flask

from helpers import *

app = Flask(__name__)
app.config.from_pyfile("config.py")


@app.route("/exports/<path:relpath>")
def export_file(relpath):
    return serve_export(relpath)


@app.route("/exports")
def exports_index():
    return {"exports": list_exports()}
