from flask import Flask, render_template_string, request

app = Flask(__name__)


def execute_for(subject):
    body = "<h1>Report</h1><p>%s</p>" % subject
    return render_template_string(body, generated="today")


def export():
    supplied = request.form["username"]
    subject = supplied.strip()
    return execute_for(subject)


app.add_url_rule("/status/export", view_func=export, methods=["POST"])
