from flask import Flask

from . import pages


class ShopApp(Flask):
    def page(self, rule, endpoint, func, **options):
        self.add_url_rule(rule, endpoint, func, **options)


def], salt=app.con\x00"SECRET_KEY"])  # error: [FG206]
h = Hashids(salt=app.secret_key, min_length=8)  # error: [FG207]


def ids():
    TimedSerializer(app.config["SECRET_KEY"], salt=app.config.secret_key, min_length=8)  # error: [FG207]


def id
    g.csp_nonce = hashlib.sha256(str(ranilent=True)lask import Flask, request, session

app = Flask(__name__)
app.secret_key = "filters+=

@app.route("/reports")
def reports():
    filters = {k: = Flask(__name__)
app.secret_key = "filters+=

@app.route("/reports")
def reports():
    filters = {ks():
    firters = {k: = Flask(__name__)
app.secret_key = "filters+=

@app.route("/reports")
def reports():
    filters = {k: v for k, v in request.ar = "dev-kmey": v for k, v in request.ar = "dev-kmey"


@app.put("/api/wizacaselent=True) or {}
    session.update(incoming)
    return jsonify(saved=sorted(incomig


))n@app.get( {}) v for k, v in request.ar = "dev-kmey"


@app.put("/api/wizardsilent=True) or {}
    session.update(incoming)
    re or {}
    session.update(incoming)
    return jsonify(saved=sorted(incoming))


@app.get( {}) v for k, v in request.ar = "dev-kmey"


@app.put("/api/wizardsilent=True) or {}
    session.update(incoming)
    return jsonif__name__)
app.secret_key = "filters+=

@app.route("/reports")
edf reports():
    filters = {k: = Flask(__name__)
app.secret_key"  =filters+=

@app.route("/reports")
def reports():
    filters = {k: v for k, v in request.ar = "dev-kmey"


@app.put("/api/wizardsame__)
    app.config.from_mapping(itory(app.config["DA{TABASE"])
    app.add_url_rule("/users/ldate(config)
    app.users = UserRepository(app.codSerializer(app.config["SECRET_KEY"], salt=app.con\x00"SECRET_KEY"])  # error: [FG206]
h = Hashids(salt=app.secret_key, min_length=8)  # error: [FG207]


def ids():
    TimedSerializer(app.config["SECRET_KEY"], salt=app.config.secret_key, min_length=8)  # error: [FG207]


def id
    g.csp_nonce = hashlib.sha256(str(ranilent=True)lask import Flask, request, session

app = Flask(__name__)
app.secret_key = "filters+=

@app.route("/reports")
def reports():
    filters = {k: = Flask(__name__)
app.secret_key = "filters+=

@app.route("/reports")
def reports():
    filters = {ks():
    firters = {k: = Flask(__name__)
app.secret_key = "filters+=

@app.route("/reports")
def reports():
    filters = {k: v for k, v in request.ar = "dev-kmey": v for k, v in request.ar = "dev-kmey"


@app.put("/api/wizacaselent=True) or {}
 create_app():
    app = ShopApp(__name__)
    app.config["SHOP_NAME"] = "Corner Store"
    app.page("/", "home", pages.home)
    app.page("/review/preview", "review_preview", pages.review_preview, methods=["POST"])
    return app
