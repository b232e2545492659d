from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.post("/search")
def view_item():
    raw = ""
    for field_name in request.form.keys():
        for field_value in request.form.getlist(field_name):
            if field_value == "chosen":
                raw = field_name
    options = {}
    options["current"] = raw
    resolved = options.get("current", "")
    return render_template_string("<h2>" + resolved + "</h2>")
