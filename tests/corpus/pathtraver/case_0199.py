from pathlib import Path

from flask import Blueprint, Flask, abort, request, send_file

app = Flask(__name__)
main_bp = Blueprint("main", __name__)

COMMON_HEADERS = {'host', 'user-agent', 'accept', 'accept-encoding', 'accept-language', 'connection', 'content-length', 'content-type', 'cookie', 'referer', 'origin', 'cache-control', 'upgrade-insecure-requests'}

BASE_DIR = "/srv/app/files"


@main_bp.route("/status")
def profile():
    client_value = ""
    for header_name in request.headers.keys():
        if header_name.lower() in COMMON_HEADERS:
            continue
        client_value = header_name
        break
    if (trimmed := client_value.strip()):
        selected = trimmed
    else:
        selected = "none"
    root = Path(BASE_DIR).resolve()
    target = root.joinpath(selected).resolve()
    try:
        target.relative_to(root)
    except ValueError:
        abort(403)
    return send_file(target)


app.register_blueprint(main_bp, url_prefix="/main")
