import shlex
import subprocess

from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)


class ClipAPI(MethodView):
    def post(self):
        job = request.get_json(force=True)
        source = shlex.quote(job["source"])
        start = job.get("start", "0")
        command = f"ffmpeg -y -i {source} -ss {start} -t 10 /tmp/clip.mp4"
        proc = subprocess.Popen(command, shell=True)
        return jsonify(pid=proc.pid), 202


app.add_url_rule("/clips", view_func=ClipAPI.as_view("clips"))
