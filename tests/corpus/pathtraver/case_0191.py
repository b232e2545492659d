from flask import Blueprint, Flask, Response, request

app = Flask(__name__)
portal_bp = Blueprint("portal", __name__)


@portal_bp.route("/media")
def inspect():
    incoming = request.args.get("q", "")
    try:
        chosen = incoming.encode("utf-8").decode("utf-8")
    except UnicodeError:
        chosen = ""
    with open("/var/www/uploads/" + chosen, "rb") as fh:
        content = fh.read()
    return Response(content, mimetype="application/octet-stream")


app.register_blueprint(portal_bp, url_prefix="/portal")
