import datetime

from flask import Flask, request, render_template_string

app = Flask(__name__)

PAGE = """
<html>
  <body>
    <h1>Hello {{ name }}!</h1>
    <p>Today is {{ today }}.</p>
  </body>
</html>
"""


@app.route("/hello")
def hello():
    name = request.args.get("name", "guest")
    return render_template_string(PAGE, name=name, today=datetime.date.today().isoformat())
