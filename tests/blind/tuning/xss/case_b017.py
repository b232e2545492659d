from dataclasses import dataclass

from flask import Flask, request

app = Flask(__name__)


@dataclass
class Ticket:
    ticket_id: int
    subject: str
    priority: str = "normal"

    def as_html(self) -> str:
        return (
            f"<div class='ticket' data-id='{self.ticket_id}'>"
            f"<h4>{self.subject}</h4><small>{self.priority}</small></div>"
        )


@app.post("/tickets/draft")
def draft_ticket():
    t = Ticket(ticket_id=0, subject=request.form.get("subject", "(no subject)"))
    return t.as_html()
