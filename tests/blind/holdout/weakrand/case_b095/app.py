from flask import Flask

from csrf import TokenView

app = Flask(__name__)
app.add_url_rule("/csrf", view_func=TokenView.as_view("csrf_token"))
