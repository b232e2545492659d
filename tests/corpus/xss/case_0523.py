from flask import Flask

app = Flask(__name__)


@app.get("/files/<req_value>")
def check(req_value):
    identity = lambda s: s
    entry = identity(req_value)
    return "<div>" + entry.replace("<script>", "").replace("</script>", "") + "</div>"
