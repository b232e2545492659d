from flask import Blueprint, current_app, jsonify, request

from .services.converter import ConversionJob, Converter

bp = Blueprint("media", __name__)


def _converter():
    return Converter(current_app.config["CONVERT_BIN"], current_app.config["MEDIA_ROOT"])


@bp.route("/media/convert", methods=["POST"])
def convert():
    fields = {k: request.form[k] for k in ("source", "fmt", "resize") if k in request.form}
    job = ConversionJob(**fields)
    try:
        status = _converter().run(job)
    except ValueError as exc:
        return jsonify(error=str(exc)), 400
    return jsonify(ok=status == 0, target=job.target)
