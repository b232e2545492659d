import base64

import dill
from flask import Flask


class NotebookApp(Flask):
    def load_state(self, token):
        raw = base64.b64decode(token)
        return dill.loads(raw)

    def dump_state(self, obj):
        return base64.b64encode(dill.dumps(obj)).decode()
