import string

from flask import Flask, request

app = Flask(__name__)

PAGE = string.Template("""<!doctype html>
<title>Search</title>
<h1>Results for $query</h1>
<p>$count matches</p>
""")


@app.route("/search")
def search_page():
    query = request.args.get("q", "")
    matches = [t for t in ("alpha", "beta", "gamma") if query and query in t]
    return PAGE.substitute(query=query, count=len(matches))
