"""Per-user e-mail signatures; users can reference {{ user.name }} etc."""
from dataclasses import dataclass

from jinja2 import Environment

_env = Environment(autoescape=True)
_signatures: dict[int, str] = {}


@dataclass
class Sender:
    id: int
    name: str
    title: str


def save_signature(user_id: int, source: str) -> None:
    _signatures[user_id] = source


def render_signature(sender: Sender) -> str:
    source = _signatures.get(sender.id, "-- \n{{ user.name }}")
    return _env.from_string(source).render(user=sender)
