import subprocess

from flask import jsonify, request

from jobs.model import Job


def init(app):
    @app.route("/jobs", methods=["POST"])
    def start_job():
        job = Job(label=request.form.get("label", "manual run"),
                  kind=request.form.get("kind", "nightly"))
        proc = subprocess.run(["bash", "-c", job.script], capture_output=True, text=True)
        app.logger.info("job %r finished with %s", job.label, proc.returncode)
        return jsonify(label=job.label, rc=proc.returncode)
