import os

from flask import Flask, Response

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


class Handler:
    def handle(self, entry):
        fd = os.open(os.path.join(BASE_DIR, entry), os.O_RDONLY)
        try:
            content = os.read(fd, 4096)
        finally:
            os.close(fd)
        return Response(content, mimetype="application/octet-stream")


@app.get("/pages/inbox/<string:client_value>")
def sync(client_value):
    client_value = client_value.strip()
    entry = f"{client_value}"
    return Handler().handle(entry)
