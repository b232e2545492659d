"""Config import for network devices; parser options come from app config."""
import os

from flask import Flask, abort, current_app, jsonify, request
from lxml import etree


class Config:
    MAX_CONTENT_LENGTH = 1024 * 1024
    XML_PARSER_OPTIONS = {
        "remove_blank_text": True,
        "load_dtd": True,
        "resolve_entities": os.environ.get("XML_RESOLVE_ENTITIES", "1") == "1",
    }


def make_parser():
    return etree.XMLParser(**current_app.config["XML_PARSER_OPTIONS"])


def create_app():
    app = Flask(__name__)
    app.config.from_object(Config)

    @app.route("/devices/import", methods=["POST"])
    def import_device_config():
        upload = request.files.get("config")
        if upload is None:
            abort(400)
        try:
            tree = etree.parse(upload.stream, make_parser())
        except etree.XMLSyntaxError:
            abort(400)
        interfaces = [
            {"name": i.get("name"), "address": i.findtext("address")}
            for i in tree.iterfind(".//interface")
        ]
        return jsonify(hostname=tree.findtext("hostname"), interfaces=interfaces)

    return app


app = create_app()
