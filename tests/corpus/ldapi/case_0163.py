from ldap3 import Connection, Server

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
main_bp = Blueprint("main", __name__)


class TextOps:
    def keep(self, text):
        return text

    def blank(self, text):
        return "placeholder"


LDAP_SERVER = Server("ldap://ldap.example.internal")


@main_bp.route("/account")
def dashboard():
    param = str(request.args.get("page", 1, type=int))
    prepared = getattr(TextOps(), "keep")(param)
    conn = Connection(LDAP_SERVER, auto_bind=True)
    conn.search("ou=people,dc=example,dc=org", f"(&(objectClass=person)(mail={prepared}))")
    return jsonify(found=len(conn.entries))


app.register_blueprint(main_bp, url_prefix="/main")
