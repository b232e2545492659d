from flask import Flask

from auth_views import LogoutView, LoginView

app = Flask(__name__)
app.secret_key = "s3cr3t"

app.add_url_rule("/login", view_func=LoginView.as_view("login"))
app.add_url_rule("/logout", view_func=LogoutView.as_view("logout"))
