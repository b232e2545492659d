from dataclasses import dataclass, field

from flask import Flask, request
from jinja2 import Template

app = Flask(__name__)


@dataclass
class Email:
    to: str
    body: str
    subject_template: str = "Re: {{ topic }} (ticket #{{ number }})"
    tags: list = field(default_factory=list)


@app.post("/support/reply-preview")
def reply_preview():
    email = Email(to=request.form["to"], body=request.form.get("body", ""))
    subject = Template(email.subject_template).render(
        topic=request.form.get("topic", "your request"),
        number=request.form.get("number", "0"),
    )
    return {"to": email.to, "subject": subject, "body": email.body}
