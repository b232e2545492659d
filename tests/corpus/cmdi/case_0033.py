import os

from flask import Flask, request

app = Flask(__name__)


def execute_for(resolved):
    os.system("kill -0 %d" % int(resolved))
    return "checked"


@app.get("/search")
def lookup():
    supplied = request.full_path.partition("?")[2]

    def current():
        return supplied

    resolved = current()
    return execute_for(resolved)
