from flask import Flask, abort, request, render_template_string

app = Flask(__name__)


@app.route("/signature/preview", methods=["POST"])
def signature_preview():
    sig = request.form.get("signature", "")
    if "{{" in sig or "}}" in sig:
        abort(400, "Expressions are not allowed in signatures")
    html = "<div class='sig'>--<br>" + sig + "</div>"
    return render_template_string(html)
