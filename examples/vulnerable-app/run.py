"""Run the development server: ``python run.py``.

Binds on all interfaces so the app is reachable from the mobile
simulator and from other machines on the office network.
"""
from wsgi import app

app.run(host="0.0.0.0", port=5000, debug=True)
