from flask import Flask, render_template_string, request

app = Flask(__name__)


def fetch_page():
    auth = request.authorization
    given = auth.username if auth and auth.username else "anonymous"
    if 7 * 6 > 10:
        selected = given
    else:
        selected = "fixed"
    return render_template_string("<p>{{ msg }}</p>", msg=selected)


app.add_url_rule("/tools/users", view_func=fetch_page)
