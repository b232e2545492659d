import io

from flask import Blueprint, Flask, request, send_from_directory

app = Flask(__name__)
portal_bp = Blueprint("portal", __name__)


def handle_value(field):
    return send_from_directory(field, "index.html")


@portal_bp.route("/media/orders")
def account():
    tags = request.args.getlist("tag")
    user_input = tags[0] if tags else ""
    with io.StringIO() as buffer:
        buffer.write(user_input)
        field = buffer.getvalue()
    return handle_value(field)


app.register_blueprint(portal_bp, url_prefix="/portal")
