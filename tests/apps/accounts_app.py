"""Two users and their objects: object access across users (FG613).

Users: alice / `alice-pass-1` (notes 1, 2; drafts 1; invoices 1, 2) and bob /
`bob-pass-2` (notes 3, 4; drafts 2; invoices 3, 4). Every page needs a login.

- `GET /notes/<int:note_id>`: **no owner check** — any logged-in user reads any note (the
  planted flaw, FG613).
- `GET, POST /notes/<int:note_id>/edit`: **no owner check** either — any logged-in user
  sees another user's note in the edit form and saves it (FG613 for GET and for POST).
- `GET, POST /drafts/<int:draft_id>/edit`: the form shows any user's draft (**no owner
  check on GET**, FG613), but saving checks the owner: another user's save is turned
  away with a flash message and the same redirect a save gets (no FG613 for POST).
- `GET /invoices/<int:invoice_id>`: owner checked (404 for another user's invoice).
- `GET /products/<int:product_id>`: the shop's catalogue, the same for every user.
- `GET /notes`, `/invoices`, `/products`: the user's lists (the catalogue for all).

Start:  python tests/apps/accounts_app.py [--port N]
Prints: LISTENING http://127.0.0.1:<port>
"""

import atexit
import secrets
import shutil
import tempfile
from functools import wraps

from flask import (
    Flask,
    abort,
    flash,
    get_flashed_messages,
    redirect,
    render_template_string,
    request,
    session,
    url_for,
)

from _common import serve

TMP = tempfile.mkdtemp(prefix="fg-app-")
atexit.register(shutil.rmtree, TMP, ignore_errors=True)

app = Flask(__name__, static_folder=None)
app.secret_key = secrets.token_hex(32)

USERS = {"alice": "alice-pass-1", "bob": "bob-pass-2"}
NOTES = {
    1: ("alice", "Shopping list", "Milk, eggs and a new teapot."),
    2: ("alice", "Holiday plans", "Two weeks in Lisbon in May."),
    3: ("bob", "Server password", "The staging box root password is on the wiki."),
    4: ("bob", "Birthday ideas", "A kite for Sam, a book for Jo."),
}
INVOICES = {
    1: ("alice", "INV-1001", "3 teapots", "42.00"),
    2: ("alice", "INV-1002", "1 tea cosy", "9.50"),
    3: ("bob", "INV-1003", "12 mugs", "60.00"),
    4: ("bob", "INV-1004", "2 kettles", "71.20"),
}
DRAFTS = {
    1: ("alice", "Letter to the council", "About the bins on Elm Street."),
    2: ("bob", "Club newsletter", "Next meeting on the first Friday."),
}
PRODUCTS = {
    1: ("Teapot", "A classic brown teapot for four cups."),
    2: ("Tea cosy", "Knitted by hand, keeps the pot warm."),
}

LAYOUT = """<!doctype html>
<html><head><title>{{ title }} - Teapot Club</title></head><body>
<nav>{% if user %}Signed in as {{ user }} |
<a href="/notes">Notes</a> | <a href="/invoices">Invoices</a> | <a href="/products">Shop</a> |
<a href="/logout">Log out</a>{% else %}<a href="/login">Log in</a>{% endif %}</nav>
<main><h1>{{ title }}</h1>
{% for message in get_flashed_messages() %}<p class="flash">{{ message }}</p>
{% endfor %}{% for line in lines %}<p>{{ line }}</p>
{% endfor %}<ul>{% for href, label in links %}<li><a href="{{ href }}">{{ label }}</a></li>
{% endfor %}</ul>{{ form|safe }}</main></body></html>
"""

EDIT_FORM = """<form method="post" action="{{ action }}">
<input name="title" value="{{ title }}">
<textarea name="body">
{{ body }}</textarea>
<button>Save</button></form>"""


def page(title, lines=(), links=(), form=""):
    return render_template_string(
        LAYOUT,
        title=title,
        lines=lines,
        links=links,
        form=form,
        user=session.get("user"),
        get_flashed_messages=get_flashed_messages,
    )


def edit_page(title, body, action):
    form = render_template_string(EDIT_FORM, title=title, body=body, action=action)
    return page(f"Edit {title}", form=form)


def login_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if "user" not in session:
            return redirect(url_for("login", next=request.path))
        return view(*args, **kwargs)

    return wrapped


@app.route("/")
@login_required
def home():
    return page(
        "Home",
        ["Welcome back."],
        [("/notes", "Your notes"), ("/drafts", "Your drafts"), ("/invoices", "Your invoices")],
    )


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        user = request.form.get("username", "")
        if USERS.get(user) == request.form.get("password"):
            session["user"] = user
            return redirect("/")
    return (
        '<!doctype html><h1>Log in</h1><form method="post" action="/login">'
        '<input name="username"><input type="password" name="password">'
        "<button>Log in</button></form>"
    )


@app.route("/logout")
def logout():
    session.clear()
    return redirect("/login")


@app.route("/notes")
@login_required
def notes():
    mine = [(f"/notes/{i}", n[1]) for i, n in NOTES.items() if n[0] == session["user"]]
    return page("Your notes", links=mine)


@app.route("/notes/<int:note_id>")
@login_required
def note(note_id):
    # The flaw: the note is looked up by id alone, whoever owns it.
    found = NOTES.get(note_id) or abort(404)
    return page(found[1], [found[2]], [(f"/notes/{note_id}/edit", "Edit")])


@app.route("/notes/<int:note_id>/edit", methods=["GET", "POST"])
@login_required
def edit_note(note_id):
    # The flaw again: read and saved by id alone.
    found = NOTES.get(note_id) or abort(404)
    if request.method == "POST":
        NOTES[note_id] = (found[0], request.form["title"], request.form["body"])
        return redirect(f"/notes/{note_id}")
    return edit_page(found[1], found[2], f"/notes/{note_id}/edit")


@app.route("/drafts")
@login_required
def drafts():
    mine = [(f"/drafts/{i}/edit", d[1]) for i, d in DRAFTS.items() if d[0] == session["user"]]
    return page("Your drafts", links=mine)


@app.route("/drafts/<int:draft_id>/edit", methods=["GET", "POST"])
@login_required
def edit_draft(draft_id):
    found = DRAFTS.get(draft_id) or abort(404)
    if request.method == "POST":
        # Saving checks the owner, and turns others away with the redirect a save gets.
        if found[0] != session["user"]:
            flash("You are not allowed to edit this draft.")
            return redirect("/drafts")
        DRAFTS[draft_id] = (found[0], request.form["title"], request.form["body"])
        flash("Draft saved.")
        return redirect("/drafts")
    # The read side is not checked: the form shows anyone's draft.
    return edit_page(found[1], found[2], f"/drafts/{draft_id}/edit")


@app.route("/invoices")
@login_required
def invoices():
    mine = [(f"/invoices/{i}", v[1]) for i, v in INVOICES.items() if v[0] == session["user"]]
    return page("Your invoices", links=mine)


@app.route("/invoices/<int:invoice_id>")
@login_required
def invoice(invoice_id):
    found = INVOICES.get(invoice_id)
    if found is None or found[0] != session["user"]:
        abort(404)
    return page(f"Invoice {found[1]}", [found[2], f"Total: {found[3]} EUR"])


@app.route("/products")
@login_required
def products():
    return page("Shop", links=[(f"/products/{i}", p[0]) for i, p in PRODUCTS.items()])


@app.route("/products/<int:product_id>")
@login_required
def product(product_id):
    found = PRODUCTS.get(product_id) or abort(404)
    return page(found[0], [found[1]])


if __name__ == "__main__":
    serve(app)
