from flask import render_template, request


def init(app):
    def preview():
        comment = {
            "author": request.values.get("author", "anonymous"),
            "text": request.values.get("text", ""),
        }
        return render_template("preview.html", c=comment)

    app.add_url_rule("/comments/preview", "comment_preview", preview, methods=["GET", "POST"])
