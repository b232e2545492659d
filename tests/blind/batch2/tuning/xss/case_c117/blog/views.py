from flask import Blueprint, current_app, redirect, render_template, request, url_for

from .comments import Comment, threads

bp = Blueprint("blog", __name__)


@bp.route("/posts/<int:post_id>")
def show_post(post_id):
    return render_template(
        "post.html",
        post_id=post_id,
        comments=threads.for_post(post_id),
        help_html=current_app.config["COMMENT_HELP_HTML"],
        draft=request.args.get("draft", ""),
    )


@bp.route("/posts/<int:post_id>/comments", methods=["POST"])
def add_comment(post_id):
    threads.add(post_id, Comment(author=request.form.get("author", "anon"), body=request.form.get("body", "")))
    return redirect(url_for("blog.show_post", post_id=post_id))
