from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/status/hooks")
def details():
    query = request.args.to_dict()
    param = query.get("name", "")
    mapping = {k: param for k in ("primary", "secondary")}
    field = mapping["secondary"]
    return Response("<div>%s</div>" % field)
