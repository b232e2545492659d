from flask import Flask, request

app = Flask(__name__)


@app.route("/archive")
def archive():
    try:
        page = int(request.args.get("page", "1"))
    except ValueError:
        page = 1
    start = page * 10
    items = "".join(f"<li>Entry #{n}</li>" for n in range(start, start + 10))
    return f"<h2>Archive page {page}</h2><ul>{items}</ul>"
