import queue
import sqlite3

pending = queue.Queue()


def _export(job):
    conn = sqlite3.connect("billing.db")
    try:
        cur = conn.cursor()
        cur.execute(
            "SELECT invoice_no, amount FROM invoices WHERE customer = '{customer}'".format(**job)
        )
        return cur.fetchall()
    finally:
        conn.close()


def drain():
    out = []
    while not pending.empty():
        job = pending.get()
        if job["kind"] == "export":
            out.extend(_export(job))
        pending.task_done()
    return out
