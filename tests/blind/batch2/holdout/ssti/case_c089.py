"""Order confirmation page; templates are constants, data goes in context."""
from dataclasses import dataclass

from flask import Flask, abort, render_template_string, request

CONFIRMATION = """
<h1>Thanks, {{ order.customer }}!</h1>
<p>Order #{{ order.number }} &middot; {{ order.items|length }} item(s)</p>
<ul>{% for item in order.items %}<li>{{ item }}</li>{% endfor %}</ul>
{% if note %}<blockquote>{{ note }}</blockquote>{% endif %}
"""


@dataclass
class OrderView:
    number: int
    customer: str
    items: list


app = Flask(__name__)


@app.route("/orders/<int:number>/confirmation", methods=["POST"])
def confirmation(number):
    form = request.form
    items = [i for i in form.getlist("item") if i]
    if not items:
        abort(400)
    order = OrderView(number=number, customer=form.get("name", "customer"), items=items)
    return render_template_string(CONFIRMATION, order=order, note=form.get("note"))
