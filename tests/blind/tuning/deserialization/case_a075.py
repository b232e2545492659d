import io

import joblib
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/models/score", methods=["POST"])
def score():
    model_file = request.files["model"]
    model = joblib.load(io.BytesIO(model_file.read()))
    features = [float(x) for x in request.form.get("features", "").split(",") if x]
    return jsonify(prediction=float(model.predict([features])[0]))
