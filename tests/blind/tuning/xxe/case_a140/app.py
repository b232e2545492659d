from flask import Flask

from telemetry.ingest import ingest_bp

app = Flask(__name__)
app.register_blueprint(ingest_bp)
