from flask import Flask, jsonify, request

import jobs

app = Flask(__name__)


@app.route("/exports", methods=["POST"])
def request_export():
    customer = request.form.get("customer", "")
    jobs.pending.put({"kind": "export", "customer": customer})
    results = jobs.drain()
    return jsonify(rows=results)


@app.route("/exports/size")
def queue_size():
    return jsonify(size=jobs.pending.qsize())
