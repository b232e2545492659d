import psycopg2
import psycopg2.extras
from flask import Flask, jsonify, request

app = Flask(__name__)
DSN = "dbname=saas user=saas host=db"


@app.route("/api/orders")
def orders():
    tenant = request.headers.get("X-Tenant", "public")
    status = request.args.get("status", "open")
    conn = psycopg2.connect(DSN)
    with conn, conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute(
            f"SELECT id, status, amount FROM {tenant}.orders WHERE status = %s",
            (status,),
        )
        data = cur.fetchall()
    conn.close()
    return jsonify(data)
