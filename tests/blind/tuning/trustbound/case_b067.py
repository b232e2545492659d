from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = "dev-key"


@app.put("/api/wizard/state")
def save_wizard_state():
    incoming = request.get_json(silent=True) or {}
    session.update(incoming)
    return jsonify(saved=sorted(incoming))


@app.get("/api/wizard/state")
def load_wizard_state():
    return jsonify(step=session.get("step", 1))
