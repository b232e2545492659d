from flask import abort, current_app, render_template, request
from flask.views import MethodView


class LetterView(MethodView):
    def get(self, kind):
        if kind not in current_app.config["LETTER_KINDS"]:
            abort(404)
        return render_template(
            f"letters/{kind}.txt",
            recipient=request.args.get("to", "customer"),
            detail=request.args.get("detail", ""),
            sender=current_app.config["SENDER"],
        ), 200, {"Content-Type": "text/plain; charset=utf-8"}
