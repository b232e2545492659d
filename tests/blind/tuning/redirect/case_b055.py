from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/pay/complete", methods=["POST"])
def payment_complete():
    order = request.form.get("order_id", "")
    callback = request.form.get("callback_url", "/orders")
    app.logger.info("payment complete for %s", order)
    return Response(
        "Redirecting...",
        status=303,
        headers={"Location": callback, "Cache-Control": "no-store"},
    )
