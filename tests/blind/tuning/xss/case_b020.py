from flask import Flask, request

app = Flask(__name__)

MESSAGES = {
    "saved": "Your changes were saved.",
    "deleted": "The item was deleted.",
    "sent": "Message sent.",
}


@app.route("/done")
def done():
    msg = request.args.get("msg", "saved")
    msg = MESSAGES.get(msg, "Done.")
    return f"<div class='flash'>{msg}</div><a href='/'>Back</a>"
