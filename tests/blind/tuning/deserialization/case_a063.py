import base64
import pickle

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)


@app.route("/cart")
def view_cart():
    raw = request.cookies.get("cart")
    items = []
    if raw:
        items = pickle.loads(base64.urlsafe_b64decode(raw))
    return jsonify(items=items, count=len(items))


@app.route("/cart/add/<int:item_id>", methods=["POST"])
def add_to_cart(item_id):
    resp = make_response(jsonify(added=item_id))
    blob = base64.urlsafe_b64encode(pickle.dumps([item_id])).decode()
    resp.set_cookie("cart", blob, httponly=True, secure=True, samesite="Lax")
    return resp
