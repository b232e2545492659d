"""Search form that normalises the query and bounces to the results page."""
from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.route("/search", methods=["POST"])
def search_submit():
    q = " ".join(request.form.get("q", "").split())
    scope = request.form.get("scope", "all")
    return redirect(url_for("results", q=q, scope=scope))


@app.route("/results")
def results():
    return {"q": request.args.get("q", ""), "scope": request.args.get("scope", "all")}
