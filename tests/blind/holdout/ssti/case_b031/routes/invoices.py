from flask import request

from helpers import *


def register(app):
    @app.route("/invoices/preview", methods=["POST"])
    def invoice_preview():
        note = request.form.get("note", "")
        total = money(request.form.get("cents", "0"))
        body = "<h1>Invoice</h1><p>Total: " + total + "</p><p class='note'>" + note + "</p>"
        return render_page(body, company=app.config["COMPANY"])
