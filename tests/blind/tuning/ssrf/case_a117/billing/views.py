import urllib3
from flask import abort, current_app, jsonify
from flask.views import View

http = urllib3.PoolManager()


class InvoiceProxy(View):
    methods = ["GET"]

    def dispatch_request(self, invoice_id):
        try:
            number = int(invoice_id)
        except ValueError:
            abort(404)
        cfg = current_app.config
        url = "https://%s:%d/api/invoices/%d" % (cfg["BILLING_HOST"], cfg["BILLING_PORT"], number)
        resp = http.request("GET", url, timeout=4.0)
        return jsonify(status=resp.status, invoice=resp.data.decode("utf-8", "replace"))
