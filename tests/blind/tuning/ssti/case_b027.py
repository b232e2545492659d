from flask import Flask, request, render_template_string

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "guest")
    page = f"""
    <html>
      <body>
        <h1>Hello {name}!</h1>
        <p>Today is {{{{ today }}}}.</p>
      </body>
    </html>
    """
    import datetime
    return render_template_string(page, today=datetime.date.today().isoformat())
