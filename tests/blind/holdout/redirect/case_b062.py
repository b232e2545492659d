from flask import Flask, redirect

app = Flask(__name__)
app.config["STOREFRONT"] = "https://shop.example.com"


@app.route("/legacy/order/<int:order_id>")
def legacy_order(order_id):
    base = app.config["STOREFRONT"]
    return redirect("%s/account/orders/%d" % (base, order_id), code=301)
