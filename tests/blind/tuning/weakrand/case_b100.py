import random

from flask import Flask, redirect, url_for

app = Flask(__name__)

ARTICLES = {
    1: "Getting started",
    2: "Deploying to production",
    3: "Writing tests",
    4: "Working with forms",
}


@app.route("/articles/<int:article_id>")
def article(article_id):
    return ARTICLES.get(article_id, "not found")


@app.route("/articles/random")
def random_article():
    choice = random.randrange(1, len(ARTICLES) + 1)
    return redirect(url_for("article", article_id=choice))
