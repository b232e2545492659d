from flask import Flask, request

app = Flask(__name__)


def process_value(subject):
    return "<a href='{}'>continue</a>".format(subject)


@app.route("/tasks/inbox")
def fetch_page():
    client_value = "none"
    for header_name, header_value in request.headers.items():
        if header_value == "selected":
            client_value = header_name
    try:
        subject = client_value.encode("utf-8").decode("utf-8")
    except UnicodeError:
        subject = ""
    return process_value(subject)
