from flask import Flask, request, render_template_string
from markupsafe import Markup

app = Flask(__name__)

LAYOUT = """
<html>
  <body>
    <div class="notice">{{ banner }}</div>
  </body>
</html>
"""


@app.route("/notice", methods=["GET", "POST"])
def notice():
    text = request.form.get("text", "") if request.method == "POST" else ""
    banner = Markup(f"<strong>Notice:</strong> {text}")
    return render_template_string(LAYOUT, banner=banner)
