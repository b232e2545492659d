import functools

from flask import Flask, request

app = Flask(__name__)


def in_layout(title):
    def decorator(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            inner = view(*args, **kwargs)
            return (
                f"<html><head><title>{title}</title></head>"
                f"<body><main>{inner}</main></body></html>"
            )
        return wrapper
    return decorator


@app.route("/unsubscribe")
@in_layout("Unsubscribe")
def unsubscribe():
    addr = request.args.get("address", "")
    return "<p>We removed <code>" + addr + "</code> from the mailing list.</p>"
