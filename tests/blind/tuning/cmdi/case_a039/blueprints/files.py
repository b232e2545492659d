import os

from flask import Blueprint, jsonify

files = Blueprint("files", __name__)


def make_runner(prefix):
    def run(argument):
        with os.popen(prefix + argument) as pipe:
            return pipe.read()
    return run


checksum = make_runner("sha256sum /srv/share/")
disk_usage = make_runner("du -sh /srv/share")


@files.route("/checksum/<path:target>")
def file_checksum(target):
    return jsonify(result=checksum(target))


@files.route("/usage")
def usage():
    return jsonify(result=disk_usage(""))
