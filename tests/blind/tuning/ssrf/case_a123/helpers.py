import requests

HELPDESK_URL = "https://helpdesk.example.com/api/tickets"


def build_ticket(body):
    return {
        "subject": str(body.get("subject", ""))[:120],
        "message": str(body.get("message", "")),
        "callback": str(body.get("callback_url", "")),
    }


def post_to_helpdesk(ticket):
    resp = requests.post(HELPDESK_URL, json=ticket, timeout=10)
    resp.raise_for_status()
    return resp.json()
