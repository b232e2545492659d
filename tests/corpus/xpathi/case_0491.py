from lxml import etree

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
frontend_bp = Blueprint("frontend", __name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


def respond_with(subject):
    doc = etree.fromstring(USERS_XML, PARSER)
    count = doc.xpath("count(//user[@role='" + subject + "'])")
    return jsonify(count=count)


@frontend_bp.route("/tools/users")
def index_view():
    client_value = ",".join(request.args.getlist("tag"))

    def current():
        return client_value

    subject = current()
    return respond_with(subject)


app.register_blueprint(frontend_bp, url_prefix="/frontend")
