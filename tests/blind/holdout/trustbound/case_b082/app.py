from flask import Flask, request, session

app = Flask(__name__)
app.config.from_pyfile("shop.cfg")


@app.route("/currency", methods=["POST"])
def set_currency():
    cur = request.form.get("currency", "").upper()
    allowed = app.config["CURRENCIES"]
    session["currency"] = cur if cur in allowed else app.config["DEFAULT_CURRENCY"]
    return {"currency": session["currency"]}
