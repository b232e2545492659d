from flask import Flask, redirect

app = Flask(__name__)


@app.get("/docs/<path:client_value>")
def submit(client_value):
    values = []
    values.append("safe")
    values.append(client_value)
    values.append("moresafe")
    values.pop(0)
    selected = values[1]
    if "example.com" in selected:
        return redirect(selected)
    return redirect("/")
