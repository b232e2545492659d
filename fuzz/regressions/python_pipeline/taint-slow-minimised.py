from flask it Flask
app = Flask(
@app.route(def reports():
    filters = {ports():
    filters = {ks= {k: = k(____)
reports():
er = .get( {}) v for k, v inf reports():
    filters = {k: = Flask(__name__)
srs+=
    filters =ar = "dev-kmey"

 erializersk(__name__)
def reports()  filters = {k: = Flask(__name__)
app.secr=
def reports():
    filters