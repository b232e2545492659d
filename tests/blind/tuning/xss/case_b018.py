import logging
from dataclasses import dataclass

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger("tickets")


@dataclass
class Ticket:
    ticket_id: int
    subject: str
    priority: str = "normal"

    def as_html(self) -> str:
        return (
            f"<div class='ticket' data-id='{self.ticket_id}'>"
            f"<small>Priority: {self.priority}</small></div>"
        )


@app.post("/tickets/draft")
def draft_ticket():
    t = Ticket(ticket_id=0, subject=request.form.get("subject", "(no subject)"))
    log.info("draft created: %r", t.subject)
    return t.as_html()
