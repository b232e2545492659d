from flask import current_app, render_template, request


def home():
    return render_template("home.html", shop=current_app.config["SHOP_NAME"])


def review_preview():
    review = request.form.get("review", "").strip()
    stars = request.form.get("stars", "5")
    return render_template("review.html", review=review, stars=stars)
