from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = "filters"


@app.route("/reports")
def reports():
    filters = {k: v for k, v in request.args.items() if not k.startswith("_")}
    if filters:
        session["report_filters"] = filters
    active = session.get("report_filters", {})
    return {"filters": active, "rows": []}
