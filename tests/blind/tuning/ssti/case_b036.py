from flask import Flask, request, render_template_string

app = Flask(__name__)

RAW_TEMPLATE_PREVIEW = False

WRAPPER = "<pre class='snippet'>{{ src }}</pre>"


@app.route("/snippet", methods=["POST"])
def snippet():
    src = request.form.get("src", "")
    if RAW_TEMPLATE_PREVIEW:
        return render_template_string(src)
    return render_template_string(WRAPPER, src=src)
