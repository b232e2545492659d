from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/items", methods=["POST"])
def open_item():
    client_value = request.form["username"]
    values = []
    values.append("safe")
    values.append(client_value)
    values.append("moresafe")
    values.pop(0)
    value = values[1]
    resp = make_response()
    resp.set_data("<pre>" + value + "</pre>")
    return resp
