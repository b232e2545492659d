import io

import defusedxml.ElementTree as DefusedET

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/feeds/items")
def open_item():
    raw = ""
    for field_name in request.form.keys():
        for field_value in request.form.getlist(field_name):
            if field_value == "chosen":
                raw = field_name
    subject = "%s" % (raw,)
    tree = DefusedET.parse(io.StringIO(subject))
    return jsonify(root=tree.getroot().tag)
