"""Hand-written cases: (category, vulnerable, trap-or-None, source)."""
from textwrap import dedent


def d(s):
    return dedent(s).lstrip("\n")


MANUAL = [
    ("pathtraver", True, None, d('''
        import os

        from flask import Flask, jsonify, request

        app = Flask(__name__)
        app.config["UPLOAD_FOLDER"] = "/srv/app/uploads"


        @app.route("/attachments", methods=["POST"])
        def upload_attachment():
            upload = request.files.get("file")
            if upload is None or upload.filename == "":
                return jsonify(error="no file"), 400
            destination = os.path.join(app.config["UPLOAD_FOLDER"], upload.filename)
            upload.save(destination)
            return jsonify(stored=upload.filename), 201
    ''')),
    ("pathtraver", False, "secure_filename on an upload", d('''
        import os

        from flask import Flask, jsonify, request
        from werkzeug.utils import secure_filename

        app = Flask(__name__)
        app.config["UPLOAD_FOLDER"] = "/srv/app/uploads"


        @app.route("/attachments", methods=["POST"])
        def upload_attachment():
            upload = request.files.get("file")
            if upload is None or upload.filename == "":
                return jsonify(error="no file"), 400
            filename = secure_filename(upload.filename)
            upload.save(os.path.join(app.config["UPLOAD_FOLDER"], filename))
            return jsonify(stored=filename), 201
    ''')),
    ("sqli", True, None, d('''
        import sqlite3

        from flask import Flask, jsonify, request

        app = Flask(__name__)
        DATABASE = "/srv/app/catalog.db"


        @app.route("/products/filter")
        def filter_products():
            clauses = []
            for column, wanted in request.args.items():
                clauses.append(f"{column} = '{wanted}'")
            where = " AND ".join(clauses) or "1 = 1"
            with sqlite3.connect(DATABASE) as conn:
                rows = conn.execute("SELECT id, name FROM products WHERE " + where).fetchall()
            return jsonify([{"id": r[0], "name": r[1]} for r in rows])
    ''')),
    ("sqli", False, "allow-listed column names with placeholders", d('''
        import sqlite3

        from flask import Flask, jsonify, request

        app = Flask(__name__)
        DATABASE = "/srv/app/catalog.db"
        FILTERABLE = ("name", "colour", "size")


        @app.route("/products/filter")
        def filter_products():
            clauses, params = [], []
            for column in FILTERABLE:
                if column in request.args:
                    clauses.append(f"{column} = ?")
                    params.append(request.args[column])
            where = " AND ".join(clauses) or "1 = 1"
            with sqlite3.connect(DATABASE) as conn:
                rows = conn.execute("SELECT id, name FROM products WHERE " + where, params).fetchall()
            return jsonify([{"id": r[0], "name": r[1]} for r in rows])
    ''')),
    ("xss", True, None, d('''
        import string

        from flask import Flask, request

        app = Flask(__name__)

        PAGE = string.Template("""<!doctype html>
        <title>Search</title>
        <h1>Results for $query</h1>
        <p>$count matches</p>
        """)


        @app.route("/search")
        def search_page():
            query = request.args.get("q", "")
            matches = [t for t in ("alpha", "beta", "gamma") if query and query in t]
            return PAGE.substitute(query=query, count=len(matches))
    ''')),
    ("xss", False, "escaped output in a string.Template page", d('''
        import string

        from flask import Flask, request
        from markupsafe import escape

        app = Flask(__name__)

        PAGE = string.Template("""<!doctype html>
        <title>Search</title>
        <h1>Results for $query</h1>
        <p>$count matches</p>
        """)


        @app.route("/search")
        def search_page():
            query = request.args.get("q", "")
            matches = [t for t in ("alpha", "beta", "gamma") if query and query in t]
            return PAGE.substitute(query=escape(query), count=len(matches))
    ''')),
    ("cmdi", True, "only one of two arguments quoted", d('''
        import shlex
        import subprocess

        from flask import Flask, jsonify, request
        from flask.views import MethodView

        app = Flask(__name__)


        class ClipAPI(MethodView):
            def post(self):
                job = request.get_json(force=True)
                source = shlex.quote(job["source"])
                start = job.get("start", "0")
                command = f"ffmpeg -y -i {source} -ss {start} -t 10 /tmp/clip.mp4"
                proc = subprocess.Popen(command, shell=True)
                return jsonify(pid=proc.pid), 202


        app.add_url_rule("/clips", view_func=ClipAPI.as_view("clips"))
    ''')),
    ("cmdi", False, "every argument quoted", d('''
        import shlex
        import subprocess

        from flask import Flask, jsonify, request
        from flask.views import MethodView

        app = Flask(__name__)


        class ClipAPI(MethodView):
            def post(self):
                job = request.get_json(force=True)
                source = shlex.quote(job["source"])
                start = shlex.quote(str(job.get("start", "0")))
                command = f"ffmpeg -y -i {source} -ss {start} -t 10 /tmp/clip.mp4"
                proc = subprocess.Popen(command, shell=True)
                return jsonify(pid=proc.pid), 202


        app.add_url_rule("/clips", view_func=ClipAPI.as_view("clips"))
    ''')),
    ("ssrf", True, "urljoin with a user path", d('''
        from urllib.parse import urljoin

        import requests
        from flask import Flask, Response, request

        app = Flask(__name__)
        API_BASE = "https://api.example.com/v1/"


        @app.route("/proxy/<path:resource>")
        def proxy(resource):
            upstream = urljoin(API_BASE, resource)
            resp = requests.get(upstream, params=request.args, timeout=10)
            return Response(resp.content, status=resp.status_code,
                            content_type=resp.headers.get("Content-Type", "application/json"))
    ''')),
    ("ssrf", False, "user path quoted under a constant base", d('''
        from urllib.parse import quote

        import requests
        from flask import Flask, Response, request

        app = Flask(__name__)
        API_BASE = "https://api.example.com/v1/"


        @app.route("/proxy/<path:resource>")
        def proxy(resource):
            upstream = API_BASE + quote(resource, safe="")
            resp = requests.get(upstream, params=request.args, timeout=10)
            return Response(resp.content, status=resp.status_code,
                            content_type=resp.headers.get("Content-Type", "application/json"))
    ''')),
    ("redirect", True, "value round-trips through the session", d('''
        import os

        from flask import Flask, redirect, request, session

        app = Flask(__name__)
        app.secret_key = os.environ["FLASK_SECRET_KEY"]


        @app.route("/login", methods=["GET", "POST"])
        def login():
            if request.method == "GET":
                session["next_url"] = request.args.get("next", "/")
                return '<form method="post"><input name="user"><button>Sign in</button></form>'
            session["user"] = "member"
            return redirect(session.pop("next_url", "/"))
    ''')),
    ("redirect", False, "guard function in another module", d('''
        from flask import Flask, redirect, request

        from corpuslib.urls import is_local_url

        app = Flask(__name__)


        @app.route("/continue")
        def continue_to():
            target = request.args.get("next", "")
            if not is_local_url(target):
                target = "/"
            return redirect(target)
    ''')),
    ("ssti", False, "template source read from a constant file", d('''
        import os

        from flask import Flask, render_template_string, request

        app = Flask(__name__)
        TEMPLATE_PATH = os.path.join(os.path.dirname(__file__), "..", "templates", "greeting.html")


        @app.route("/welcome")
        def welcome():
            with open(TEMPLATE_PATH, encoding="utf-8") as fh:
                source = fh.read()
            return render_template_string(source, name=request.args.get("name", "guest"))
    ''')),
    ("trustbound", True, None, d('''
        import os

        from flask import Flask, jsonify, request, session

        app = Flask(__name__)
        app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


        @app.route("/preferences", methods=["POST"])
        def save_preferences():
            session.update(request.form)
            return jsonify(saved=sorted(request.form.keys()))
    ''')),
    ("trustbound", False, "session value read from the database", d('''
        import os
        import sqlite3

        from flask import Flask, abort, request, session

        app = Flask(__name__)
        app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


        @app.route("/impersonate/stop", methods=["POST"])
        def stop_impersonation():
            account_id = request.form.get("account", "")
            with sqlite3.connect("/srv/app/users.db") as conn:
                row = conn.execute("SELECT username FROM users WHERE id = ?", (account_id,)).fetchone()
            if row is None:
                abort(404)
            session["username"] = row[0]
            return "ok"
    ''')),
]
