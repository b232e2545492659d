from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = "dev-key"


@app.get("/api/items")
def list_items():
    raw = request.args.get("per_page")
    if raw is not None:
        try:
            per_page = int(raw)
        except ValueError:
            per_page = 25
        session["per_page"] = max(5, min(per_page, 100))
    size = session.get("per_page", 25)
    return jsonify(items=list(range(size)))
