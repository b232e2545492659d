import os

from werkzeug.utils import secure_filename

from flask import Blueprint, Flask, request

app = Flask(__name__)
console_bp = Blueprint("console", __name__)


class TextOps:
    def keep(self, text):
        return text

    def blank(self, text):
        return "placeholder"


BASE_DIR = "/srv/app/files"


@console_bp.route("/hooks/inbox", methods=["POST"])
def load():
    requested = ""
    for field_name in request.form.keys():
        for field_value in request.form.getlist(field_name):
            if field_value == "chosen":
                requested = field_name
    prepared = getattr(TextOps(), "keep")(requested)
    with open(os.path.join(BASE_DIR, secure_filename(prepared)), "wb") as fh:
        fh.write(b"")
    return "created"


app.register_blueprint(console_bp, url_prefix="/console")
