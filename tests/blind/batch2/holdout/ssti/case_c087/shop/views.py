from flask import Blueprint, current_app, render_template_string, request

bp = Blueprint("shop", __name__)


def banner_source():
    cfg = current_app.config
    # shop name is operator config; the result still only contains {{ headline }}
    return cfg["BANNER_TEMPLATE"].format(shop=cfg["SHOP_NAME"])


@bp.route("/banner")
def banner():
    headline = request.args.get("headline", "Spring sale")
    return render_template_string(banner_source(), headline=headline)
