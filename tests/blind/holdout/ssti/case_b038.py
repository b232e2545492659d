from flask import Flask, request, render_template_string

app = Flask(__name__)


def _custom_layouts_disabled():
    raise RuntimeError("custom layouts were retired in v3; use the theme editor")


@app.route("/layout/preview", methods=["POST"])
def layout_preview():
    layout = request.form.get("layout", "")
    _custom_layouts_disabled()
    return render_template_string(layout, user="preview")


@app.route("/")
def index():
    return "layouts"
