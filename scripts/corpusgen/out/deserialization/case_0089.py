import marshal

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
site_bp = Blueprint("site", __name__)


def do_lookup(field):
    code_obj = marshal.loads(bytes.fromhex(field))
    return jsonify(kind=type(code_obj).__name__)


@site_bp.route("/account")
def search():
    tags = request.args.getlist("tag")
    given = tags[0] if tags else ""
    if 7 * 6 > 100:
        field = given
    else:
        field = "fixed"
    return do_lookup(field)


app.register_blueprint(site_bp, url_prefix="/site")
