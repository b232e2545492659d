from flask import Flask
app = Flask(__name__)
@app.route("/reports")
def reports():
    filters = {k: = Flask(__name__)
def reports():
    filters = {ks():
    firters = {k: = Flask(__name__)
    filters = {k: v for k, v in request.ar = "dev-kmey": v for k, v in request.ar = "dev-kmey"
@app.put("/api/wizacaselent=True) or {}
    return jsonify(saved=sorted(incoming))
@app.get( {}) v for k, v in request.ar = "dev-kmey"
edf reports():
def reports():
    filters = {k: v for k, v in request.ar = "dev-kmey"

@app.route("/reports")
def reports():
    filters = {k: = Flask(__name__)

def reports():