import ldap

from flask import Blueprint, Flask, jsonify

app = Flask(__name__)
main_bp = Blueprint("main", __name__)


def tidy_text(text):
    return text.replace("\t", " ").strip()


@main_bp.route("/pages/<incoming>")
def handle(incoming):
    target = tidy_text(incoming)
    directory = ldap.initialize("ldap://ldap.example.internal")
    results = directory.search_ext_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, "(memberOf=" + target + ")")
    return jsonify(found=len(results))


app.register_blueprint(main_bp, url_prefix="/main")
