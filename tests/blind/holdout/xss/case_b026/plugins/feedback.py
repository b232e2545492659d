from flask import request

from .render import page

THANKS = (
    "<h2>Thanks, {name}!</h2>"
    "<p>We received your note about <em>{topic}</em> and will reply to {email}.</p>"
)


def init_app(app):
    @app.route("/feedback", methods=["POST"])
    def feedback():
        form = request.form
        return page(
            THANKS,
            name=form.get("name", "friend"),
            topic=form.get("topic", "something"),
            email=form.get("email", app.config["FEEDBACK_INBOX"]),
        )
