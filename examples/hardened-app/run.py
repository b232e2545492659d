"""Run the development server: ``python run.py``.

Use ``NOTES_ENV=development`` to get the debugger; the server only
listens on localhost.
"""
from wsgi import app

if __name__ == "__main__":
    app.run()
