from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = "filters"


@app.route("/reports")
def reports():
    prefs = {
        "tz": request.args.get("tz", "UTC"),
        "layout": "grid",
        "density": "comfortable",
    }
    session["layout"] = prefs["layout"]
    session["density"] = prefs["density"]
    return {"timezone_requested": prefs["tz"], "rows": []}
