from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
USERS = etree.parse("users.xml")


@app.route("/api/role")
def role():
    name = request.args.get("user", "")
    found = USERS.xpath(f"//user[@name='{name}']/@role")
    if not found:
        abort(404)
    return jsonify(user=name, role=str(found[0]))
