from flask import Flask, Response, request
from jinja2 import Environment

app = Flask(__name__)
env = Environment()

DEFAULT_FORMAT = "{{ rows|length }} rows exported"


@app.route("/reports/export")
def export_report():
    rows = [{"id": i, "total": i * 10} for i in range(5)]
    summary_fmt = request.headers.get("X-Summary-Format", DEFAULT_FORMAT)
    summary = env.from_string(summary_fmt).render(rows=rows)
    csv_body = "\n".join(f"{r['id']},{r['total']}" for r in rows)
    return Response(csv_body + "\n# " + summary, mimetype="text/csv")
